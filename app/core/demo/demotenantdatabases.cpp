#include "demotenantdatabases.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

Status DemoTenantDatabases::ensure(PgConnection &server, const QStringList &names)
{
    const QByteArray exists = SqlResource::get(QStringLiteral("demo/sql/demo_database_exists.sql"));
    for (const QString &name : names) {
        const PgResult found = server.exec(exists, {name});
        if (!found.ok())
            return Error(found.error());
        if (found.value(0, 0) != QLatin1String("0"))
            continue;
        const PgResult made = server.exec("CREATE DATABASE " + server.quoteIdentifier(name));
        if (!made.ok())
            return Error(made.error());
    }
    return {};
}

} // namespace uaip
