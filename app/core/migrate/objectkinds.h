#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

// The kinds of database object a rollback preview names (RollbackImpact::Object::kind: from the
// catalog query preview_objects.sql and, for no-transaction steps, ParseTreeNames::objectNoun),
// in English as they are stored, and their translation for the screen.
class ObjectKinds
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ObjectKinds)

public:
    // Every kind the preview can report, in English.
    static QStringList all();
    // The kind in the user's language; an unknown kind unchanged.
    static QString display(const QString &kind);
};

} // namespace uaip
