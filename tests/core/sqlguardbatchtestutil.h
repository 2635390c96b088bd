#pragma once

// Shared by the batched guard's tests (tst_sqlguardbatch, tst_sqlguardattack): a script's
// statements as the guard classifies them, a verdict as words to compare (judged together and
// alone), the console fixture with the app role's own objects and its session, and the read-only
// guard.
#include "db/pgconnection.h"
#include "sqlconsole/sqlguard.h"
#include "sqlconsole/sqlscript.h"
#include "sqlconsole/statementclass.h"
#include "sqlconsole/statementverdict.h"
#include "sqlguardtestutil.h"
#include "testdatabase.h"

#include <QList>

namespace uaip::test {

inline QList<StatementClass> classesOf(const QByteArray &script)
{
    QList<StatementClass> out;
    const SqlScript s(script);
    for (const SqlStatement &st : s.statements())
        out << StatementClass::of(st);
    return out;
}

// One statement's verdict as words: kind, reason, the failure's position and text.
inline QString described(const StatementVerdict &v)
{
    return QStringLiteral("%1 | %2 | %3 | %4")
        .arg(int(v.kind))
        .arg(v.reason)
        .arg(v.failure.isSet() && v.failure.server() ? v.failure.server()->statementPosition : -1)
        .arg(v.failure.isSet() ? v.failure.toString() : QString());
}

struct GuardSetup
{
    TestDatabase db;
    PgConnection app;
};

// The console fixture, the app role's objects, and the app role's session; false on failure.
inline bool prepareGuard(GuardSetup &s, const QList<const char *> &objects)
{
    return makeRoleObjects(s.db, objects)
        && s.app.open(appConninfo(s.db), QStringLiteral("uaip-test-console"));
}

inline SqlGuard readOnlyGuard()
{
    SqlGuard guard;
    guard.readOnly = true;
    return guard;
}

} // namespace uaip::test
