#include "jsonformat.h"

#include <QJsonArray>

namespace uaip {

QJsonObject JsonFormat::status(const MigrationStatus &s)
{
    QJsonObject o{{QStringLiteral("version"), s.version},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("state"), migrationStateName(s.state)}};
    if (s.migration) {
        o.insert(QStringLiteral("checksum"), s.migration->upChecksum);
        o.insert(QStringLiteral("no_transaction"), s.migration->upDirectives.noTransaction);
        o.insert(QStringLiteral("reversible"), s.migration->hasDown);
    }
    if (!s.note().isEmpty())
        o.insert(QStringLiteral("note"), s.note());
    if (s.entry) {
        o.insert(QStringLiteral("applied_at"), s.entry->appliedAt);
        o.insert(QStringLiteral("applied_by"), s.entry->appliedBy);
        o.insert(QStringLiteral("client"), s.entry->client);
        o.insert(QStringLiteral("duration_ms"), s.entry->durationMs);
        o.insert(QStringLiteral("ledger_checksum"), s.entry->checksum);
        if (!s.entry->error.isEmpty())
            o.insert(QStringLiteral("error"), s.entry->error);
    }
    return o;
}

QJsonObject JsonFormat::event(const LedgerEvent &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("version"), e.version},
            {QStringLiteral("name"), e.name},
            {QStringLiteral("action"), e.action},
            {QStringLiteral("outcome"), e.outcome},
            {QStringLiteral("at"), e.happenedAt},
            {QStringLiteral("actor"), e.actor},
            {QStringLiteral("client"), e.client},
            {QStringLiteral("duration_ms"), e.durationMs},
            {QStringLiteral("error"), e.error.isEmpty() ? QJsonValue() : QJsonValue(e.error)}};
}

QJsonObject JsonFormat::result(const QString &command, const RunResult &r)
{
    QJsonArray steps;
    for (const RunStep &s : r.steps)
        steps.append(QJsonObject{{QStringLiteral("version"), s.version},
                                 {QStringLiteral("name"), s.name},
                                 {QStringLiteral("action"), s.action},
                                 {QStringLiteral("ok"), s.ok},
                                 {QStringLiteral("duration_ms"), s.durationMs},
                                 {QStringLiteral("detail"), s.detail}});
    QJsonObject o{{QStringLiteral("command"), command},
                  {QStringLiteral("ok"), r.ok()},
                  {QStringLiteral("exit_code"), r.exitCode()},
                  {QStringLiteral("cancelled"), r.cancelled},
                  {QStringLiteral("message"), r.message},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)}};
    if (r.failure) {
        const MigrationFailure &f = *r.failure;
        o.insert(QStringLiteral("failure"),
                 QJsonObject{{QStringLiteral("version"), f.version},
                             {QStringLiteral("file"), f.file},
                             {QStringLiteral("line"), f.position.line},
                             {QStringLiteral("column"), f.position.column},
                             {QStringLiteral("sqlstate"), f.error.sqlState},
                             {QStringLiteral("message"), f.error.message},
                             {QStringLiteral("detail"), f.error.detail},
                             {QStringLiteral("hint"), f.error.hint},
                             {QStringLiteral("statement"), f.statement}});
    }
    if (r.lockHolder) {
        const LockHolder &h = *r.lockHolder;
        o.insert(QStringLiteral("lock_holder"),
                 QJsonObject{{QStringLiteral("pid"), h.pid},
                             {QStringLiteral("user"), h.user},
                             {QStringLiteral("application"), h.application},
                             {QStringLiteral("client"), h.client},
                             {QStringLiteral("since"), h.sessionStart},
                             {QStringLiteral("query"), h.query}});
    }
    return o;
}

} // namespace uaip
