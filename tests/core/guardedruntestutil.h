#pragma once

// A guarded SQL run in a test: its request, a read-only guard, and what it answered.
#include "sqlconsole/sqlguard.h"
#include "sqlconsole/sqlrunrequest.h"
#include "sqlconsole/sqlrunresult.h"
#include "sqlconsole/sqlscript.h"

#include <QString>

namespace uaip::test {

inline SqlRunRequest guardedRequest(const QByteArray &script,
                                    int pageSize = SqlRunRequest().pageSize)
{
    SqlRunRequest request;
    const SqlScript parsed(script);
    request.script = script;
    request.statements = parsed.statements();
    request.syntaxError = parsed.error();
    request.pageSize = pageSize;
    return request;
}

inline SqlGuard readOnlyGuard(const QString &database)
{
    SqlGuard g;
    g.readOnly = true;
    g.database = database;
    return g;
}

inline QString errorOf(const SqlRunResult &r)
{
    return r.error ? r.error->error.toString() : QString();
}

} // namespace uaip::test
