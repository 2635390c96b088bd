#include "ledgertrust.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "util/visibletext.h"

#include <QStringList>

namespace uaip {

Result<QString> LedgerTrust::refusal(PgConnection &connection)
{
    const PgResult r = connection.exec(SqlResource::of("ledger", "ledger_trust"));
    if (!r.ok())
        return Error(r.error());
    if (r.rows() == 0)
        return QString();
    if (r.value(0, "kind") == u"cascade") // a foreign key whose action writes the ledger
        return tr("the migration ledger is not this role's alone to write: %1 lets whoever may "
                  "update or delete the rows of the table it references (owned by role %2) "
                  "change the ledger's rows, with the rights of role %3: drop that foreign key")
            .arg(VisibleText::escaped(r.value(0, "what")),
                 VisibleText::escaped(r.value(0, "owner")),
                 VisibleText::escaped(connection.user()));
    if (r.value(0, "kind") != u"grant") // an owner first
        return tr("the migration ledger is not this role's to use: %1 is owned by role %2, whose "
                  "code would run with the rights of role %3 (the schema uaip_ledger must be "
                  "made by this role or a superuser): drop it, or have it handed over to %3")
            .arg(VisibleText::escaped(r.value(0, "what")),
                 VisibleText::escaped(r.value(0, "owner")),
                 VisibleText::escaped(connection.user()));
    // every grant at once, so that one round of REVOKEs makes the ledger the console's again
    QStringList held;
    QStringList revokes;
    for (int i = 0; i < r.rows(); ++i) {
        held << tr("%1 holds %2 on %3")
                    .arg(VisibleText::escaped(r.value(i, "owner")), r.value(i, "privileges"),
                         VisibleText::escaped(r.value(i, "what")));
        revokes << r.value(i, "revoke") + u';'; // quoted by the server: pasted as it is
    }
    return tr("the migration ledger is not this role's alone to write: %1; with that, another "
              "role could forge the ledger's history or have its code run with the rights of "
              "role %2. Take it back: %3")
        .arg(held.join(QStringLiteral("; ")), VisibleText::escaped(connection.user()),
             revokes.join(u' '));
}

Status LedgerTrust::keepPrivate(PgConnection &connection)
{
    const PgResult r = connection.exec(SqlResource::of("ledger", "ledger_private"));
    if (!r.ok())
        return Error(r.error()).in(tr("cannot take back what other roles were given on the "
                                      "schema uaip_ledger"));
    return {};
}

} // namespace uaip
