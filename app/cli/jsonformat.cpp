#include "jsonformat.h"

#include "db/serversupport.h"

#include "ledger/lockattemptjson.h"

#include <QJsonArray>

namespace uaip {

namespace {

// Where the server spoke: its SQLSTATE, detail, hint and position (absent where it gave none).
void insertServerFields(QJsonObject &o, const Error &error)
{
    const std::optional<PgError> &pg = error.server();
    if (!pg)
        return;
    o.insert(QStringLiteral("sqlstate"), pg->sqlState);
    o.insert(QStringLiteral("detail"), pg->detail);
    o.insert(QStringLiteral("hint"), pg->hint);
    if (pg->statementPosition > 0)
        o.insert(QStringLiteral("position"), pg->statementPosition);
}

} // namespace

QJsonValue JsonFormat::orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

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
    if (!s.awaitingContract.isEmpty()) // an applied expand whose contract is pending
        o.insert(QStringLiteral("awaiting_contract"), s.awaitingContract);
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

QJsonObject JsonFormat::server(const ServerTopology &t)
{
    return {
        {QStringLiteral("role"),
         t.inRecovery ? QStringLiteral("standby") : QStringLiteral("primary")},
        {QStringLiteral("primary_host"),
         t.primaryHost.isEmpty() ? QJsonValue() : QJsonValue(t.primaryHost)},
        {QStringLiteral("pooled"), t.pooled()},
        {QStringLiteral("host"), t.host},
        {QStringLiteral("port"), t.port},
        {QStringLiteral("default_read_only"), t.defaultReadOnly},
        {QStringLiteral("version"), ServerSupport::versionText(t.serverVersion)},
        {QStringLiteral("version_num"), t.serverVersion},
        {QStringLiteral("support"), ServerSupport::levelName(ServerSupport::of(t.serverVersion))},
        {QStringLiteral("supported"),
         ServerSupport::of(t.serverVersion) == ServerSupport::Level::Supported}};
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
            {QStringLiteral("error"), e.error.isEmpty() ? QJsonValue() : QJsonValue(e.error)},
            {QStringLiteral("detail"), e.detail.isEmpty() ? QJsonValue() : QJsonValue(e.detail)}};
}

QJsonObject JsonFormat::problem(const ValidationProblem &p, const QString &sqlState)
{
    return {{QStringLiteral("kind"), p.kind},       {QStringLiteral("file"), p.file},
            {QStringLiteral("line"), p.line},       {QStringLiteral("column"), p.column},
            {QStringLiteral("message"), p.message}, {QStringLiteral("sqlstate"), sqlState}};
}

QJsonObject JsonFormat::problem(const QString &message)
{
    return problem(ValidationProblem{QStringLiteral("error"), QString(), 0, 0, message});
}

QJsonObject JsonFormat::failure(const QString &command, int exitCode, const Error &error,
                                const QList<ValidationProblem> &problems)
{
    const QString message = error.toString();
    QJsonArray items;
    for (const ValidationProblem &p : problems)
        items.append(problem(p));
    if (problems.isEmpty())
        items.append(problem(message));
    QJsonObject o{{QStringLiteral("command"), command},
                  {QStringLiteral("ok"), false},
                  {QStringLiteral("exit_code"), exitCode},
                  {QStringLiteral("error"), message},
                  {QStringLiteral("code"), errorCodeName(error.code())},
                  {QStringLiteral("args"), QJsonObject::fromVariantMap(error.args())},
                  {QStringLiteral("problems"), items}};
    insertServerFields(o, error);
    return o;
}

QString JsonFormat::failureMessage(const Error &error)
{
    const std::optional<PgError> &server = error.server();
    if (!server)
        return error.text();
    return error.text().isEmpty() ? server->message
                                  : error.text() + QStringLiteral(": ") + server->message;
}

QJsonObject JsonFormat::migrationFailure(const MigrationFailure &f)
{
    const std::optional<PgError> &server = f.error.server();
    return {{QStringLiteral("version"), f.version},
            {QStringLiteral("file"), f.file},
            {QStringLiteral("line"), f.position.line},
            {QStringLiteral("column"), f.position.column},
            {QStringLiteral("code"), errorCodeName(f.error.code())},
            {QStringLiteral("sqlstate"), f.error.sqlState()},
            {QStringLiteral("message"), failureMessage(f.error)},
            {QStringLiteral("detail"), server ? server->detail : QString()},
            {QStringLiteral("hint"), server ? server->hint : QString()},
            {QStringLiteral("statement"), f.statement}};
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
                  // a no-transaction migration stopped part-way: what ran of it remains
                  {QStringLiteral("partial"), r.partial},
                  // the connection went: whether the failed step committed is not known
                  {QStringLiteral("outcome_unknown"), r.outcomeUnknown},
                  {QStringLiteral("connection_lost"), r.connectionLost},
                  {QStringLiteral("message"), r.message},
                  {QStringLiteral("steps"), steps},
                  {QStringLiteral("problems"), QJsonArray()}};
    QJsonArray problems;
    for (const ValidationProblem &p : r.planProblems)
        problems.append(problem(p));
    if (r.planProblems.isEmpty())
        for (const QString &p : r.problems)
            problems.append(problem(p));
    if (r.failure) {
        const MigrationFailure &f = *r.failure;
        o.insert(QStringLiteral("failure"), migrationFailure(f));
        problems.append(
            problem(ValidationProblem{QStringLiteral("failure"), f.file, f.position.line,
                                      f.position.column, failureMessage(f.error)},
                    f.error.sqlState()));
    }
    o.insert(QStringLiteral("problems"), problems);
    if (!r.ok()) { // the run's code, as every failure document has one
        const Error error = r.error();
        o.insert(QStringLiteral("code"), errorCodeName(error.code()));
        o.insert(QStringLiteral("args"), QJsonObject::fromVariantMap(error.args()));
        insertServerFields(o, error);
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
    o.insert(QStringLiteral("lock_attempts"), LockAttemptJson::of(r.lockAttempts));
    QJsonArray backfills;
    for (const BackfillProgress &b : r.backfills)
        backfills << b.toJson();
    o.insert(QStringLiteral("backfills"), backfills);
    return o;
}

} // namespace uaip
