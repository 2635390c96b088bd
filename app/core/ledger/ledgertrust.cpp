#include "ledgertrust.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

Result<QString> LedgerTrust::refusal(PgConnection &connection)
{
    const PgResult r = connection.exec(SqlResource::of("ledger", "ledger_trust"));
    if (!r.ok())
        return Error(r.error());
    if (r.rows() == 0)
        return QString();
    return tr("the migration ledger is not this role's to use: %1 is owned by role %2, whose "
              "code would run with the rights of role %3 (the schema uaip_ledger must be made "
              "by this role or a superuser): drop it, or have it handed over to %3")
        .arg(r.value(0, "what"), r.value(0, "owner"), connection.user());
}

} // namespace uaip
