#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// What an index could serve in one statement (QueryShapeReader): the relations it reads (as
// written, with their aliases) and the columns it compares to a value or another column
// (equality, range) or sorts by, each with the qualifier it was written with (empty: none).
struct QueryShape
{
    enum class Use { Equality, Range, Sort };

    struct Relation
    {
        QString name; // as written, quoted where needed: "public".events, events
        QString alias;
    };
    struct Column
    {
        QString qualifier;
        QString name;
        Use use = Use::Equality;
    };

    QString text; // the statement as it can be prepared (TypedLiteralRewrite)
    QList<Relation> relations;
    QList<Column> columns;
    int parameters = 0; // the highest $n

    QStringList relationNames() const;
};

} // namespace uaip
