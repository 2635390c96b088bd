#include "runresulttext.h"

#include <QCoreApplication>

namespace uaip {

QString RunResultText::failure(const MigrationFailure &f)
{
    // ours: its text; the server's: its SQLSTATE and message after ours, detail and hint below
    const std::optional<PgError> &server = f.error.server();
    QString what = f.error.text();
    if (server) {
        const QString said = server->sqlState.isEmpty()
            ? server->message
            : server->sqlState + QStringLiteral(" ") + server->message;
        what = what.isEmpty() ? said : what + QStringLiteral(": ") + said;
    }
    QStringList lines{f.location() + QStringLiteral(": ") + what};
    if (server && !server->detail.isEmpty())
        lines << tr("Detail: %1").arg(server->detail);
    if (server && !server->hint.isEmpty())
        lines << tr("Hint: %1").arg(server->hint);
    return lines.join(u'\n');
}

QString RunResultText::describe(const RunResult &r)
{
    if (r.ok())
        return r.message;
    QString text = r.message;
    if (r.cancelled) {
        // A cancel is what the user asked for, not an error: no SQLSTATE 57014, no line.
        text = r.failure
            ? tr("Cancelled during %1.").arg(r.failure->version + u'_' + r.failure->name)
            : tr("Cancelled.");
        if (r.failure)
            text += u' '
                + tr("Its changes were undone: the database is as it was before that migration "
                     "started; the ones that finished before it stay as they are.");
        return text;
    }
    if (r.failure)
        text = (r.cancelled ? tr("Cancelled: %1\n%2") : tr("Failed: %1\n%2"))
                   .arg(r.failure->version + u'_' + r.failure->name, failure(*r.failure));
    for (const QString &p : r.problems)
        text += QStringLiteral("\n  ") + p;
    // what it says is computed from what ran: a no-transaction migration keeps what ran of
    // it, and after a lost connection whether it committed is not known
    if (r.outcome == RunResult::Outcome::Failed && r.partial)
        text += u'\n'
            + tr("That migration runs without a transaction: what ran of it remains. The ledger "
                 "says how far it got; decide with 'uaip-migrate repair' (--mark-done, --resume or "
                 "--forget).");
    else if (r.outcome == RunResult::Outcome::Failed && r.failure && !r.outcomeUnknown
             && !r.connectionLost)
        text += u'\n'
            + tr("That migration was rolled back: the database is as it was before it. "
                 "Migrations that finished before it stay applied.");
    if (r.outcome == RunResult::Outcome::LockTimeout && r.lockHolder)
        text += u'\n' + tr("The migration lock is held by %1").arg(r.lockHolder->describe());
    return text;
}

} // namespace uaip
