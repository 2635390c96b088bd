#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace uaip {

class PgConnection;

// Finds rows of a referenced table for the foreign key picker: the referenced column's value
// and a label (the first text column, e.g. name or email), where either contains the search
// text. Built with QueryBuilder, so identifiers are quoted and the text is bound.
class ReferenceSearch
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ReferenceSearch)

public:
    using Match = QPair<QString, QString>; // value, label

    static Result<QList<Match>> search(PgConnection &connection, const QString &schema,
                                       const QString &table, const QString &column,
                                       const QString &text, int limit);
};

} // namespace uaip
