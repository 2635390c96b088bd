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
    if (r.value(0, "kind") == u"grant")
        return tr("the migration ledger is not this role's alone to write: %1 holds %2 on %3, "
                  "with which it could forge the ledger's history or have its code run with the "
                  "rights of role %4; take it back (%5), or make %1 a member of %4")
            .arg(r.value(0, "owner"), r.value(0, "privileges"), r.value(0, "what"),
                 connection.user(), r.value(0, "revoke"));
    return tr("the migration ledger is not this role's to use: %1 is owned by role %2, whose "
              "code would run with the rights of role %3 (the schema uaip_ledger must be made "
              "by this role or a superuser): drop it, or have it handed over to %3")
        .arg(r.value(0, "what"), r.value(0, "owner"), connection.user());
}

} // namespace uaip
