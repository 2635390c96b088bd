#include "completioncatalog.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

Result<QStringList> CompletionCatalog::read(PgConnection &connection, int limit)
{
    PgResult r = connection.exec(
        SqlResource::get(QStringLiteral("sqlconsole/sql/completion_names.sql")), {limit});
    if (!r.ok())
        return Error(r.error());
    QStringList names;
    names.reserve(r.rows());
    for (int i = 0; i < r.rows(); ++i)
        names.append(r.value(i, 0));
    return names;
}

} // namespace uaip
