#include "ledger.h"

#include "db/pgconnection.h"
#include "db/pipelinecommands.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledgertrust.h"
#include "migrationlock.h"
#include "sqlparse/sqlsplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <string_view>

namespace uaip {

namespace {

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// The server's error of a write; never a success for a result that is not ok.
Status statusOf(const PgResult &r)
{
    if (r.ok())
        return {};
    const PgError e = r.error();
    if (!e.isSet())
        return Error(ErrorCode::Server,
                     QCoreApplication::translate(
                         "uaip::Ledger", "unexpected answer from the server to a ledger write"));
    return Error(e);
}

// The server's error with what was being done in front of its message (SQLSTATE kept):
// The server's error (its code and SQLSTATE kept) with what the ledger was doing said first.
Error withPrefix(const Error &error, const QString &context)
{
    return error.in(context);
}

// A ledger this version must not touch: no server error, so no SQLSTATE.
Error notOurs(const QString &message)
{
    return Error(ErrorCode::Refused, message);
}

} // namespace

Ledger::Ledger(PgConnection &connection, const QString &client)
    : m_connection(connection)
    , m_client(client)
{ }

Result<bool> Ledger::exists()
{
    PgResult r = m_connection.exec(SqlResource::of("ledger", "ledger_locate"));
    if (!r.ok())
        return Error(r.error());
    const bool fixed = r.value(0, 0) == QLatin1String("t");
    m_legacy = !fixed && r.value(0, 1) == QLatin1String("t");
    m_foundTrusted = false;
    if (!fixed && !m_legacy)
        return false;
    // found: nothing of it is read before its owners are known to be trusted
    const Result<QString> untrusted = LedgerTrust::refusal(m_connection);
    if (!untrusted)
        return untrusted.error();
    if (!untrusted.value().isEmpty())
        return notOurs(untrusted.value());
    m_foundTrusted = true;
    return true;
}

Result<int> Ledger::readFormat()
{
    PgResult f = m_connection.exec(
        SqlResource::of("ledger", m_legacy ? "ledger_format_v1" : "ledger_format"));
    const int format = f.ok() && f.rows() ? f.value(0, 0).toInt() : 0;
    if (!f.ok() && f.error().sqlState != QLatin1String("42P01"))
        return withPrefix(Error(f.error()), tr("cannot read the ledger's format"));
    if (format <= 0)
        return notOurs(tr("uaip_schema_migrations exists but uaip_ledger_info is missing or "
                          "unreadable: this ledger was not written by uaip-migrate"));
    return format;
}

Status Ledger::upgrade(bool legacy, std::optional<int> transactionLockWaitMs)
{
    const QString context = legacy ? tr("cannot upgrade the migration ledger")
                                   : tr("cannot create the migration ledger");
    // One transaction, all or nothing, one statement per command, sent as two pipelines.
    // Behind a pooler it takes the migration lock first (a second runner creating the ledger
    // at the same time waits, then finds it there). Its idempotent steps (DROP CONSTRAINT IF
    // EXISTS, ...) say nothing: NOTICEs off for this transaction (ledger_quiet). The first
    // pipeline ends with the schema made (or found, or moved into); LedgerTrust then reads, in
    // this transaction and after the lock, whether all of it is ours before anything is written
    // into it (a schema another role made in the meantime would run its triggers as ours).
    PipelineCommands schema;
    PipelineCommands rest;
    if (transactionLockWaitMs) {
        schema.add(Transaction::beginCommand(MigrationLock::transactionOptions()));
        MigrationLock::appendTransactionLock(schema, *transactionLockWaitMs);
    } else {
        schema.add(Transaction::beginCommand());
    }
    schema.add(SqlResource::of("ledger", "ledger_quiet"));
    for (const char *file : {legacy ? "ledger_upgrade_move" : nullptr, "ledger_create"}) {
        if (!file)
            continue;
        const SqlSplitResult split = SqlSplitter::split(SqlResource::of("ledger", file));
        if (!split.ok()) // our own resource: only a broken build gets here
            return Error(ErrorCode::Internal,
                         context + QStringLiteral(": ") + QLatin1String(file)
                             + QStringLiteral(".sql:") + split.error->toString());
        const bool create = file == std::string_view("ledger_create");
        if (create) // defaults, checks, types: pg_catalog's
            schema.add(SqlResource::of("ledger", "ledger_pin_search_path"));
        for (qsizetype k = 0; k < split.statements.size(); ++k) // ledger_create's first: the schema
            (create && k > 0 ? rest : schema).add(split.statements[k].text);
    }
    // what default privileges gave others beyond reading, taken back before LedgerTrust reads
    // the schema and before the COMMIT (LedgerTrust::keepPrivate's statement, in the pipelines)
    schema.add(SqlResource::of("ledger", "ledger_private"));
    rest.add(SqlResource::of("ledger", "ledger_private"));
    rest.add(Transaction::commitCommand());
    for (PipelineCommands *part : {&schema, &rest}) {
        if (Status s = runPart(*part, context); !s)
            return s;
        if (part == &schema)
            if (Status s = trustedInTransaction(); !s)
                return s;
    }
    m_legacy = false;
    return {};
}

Status Ledger::runPart(PipelineCommands &commands, const QString &context)
{
    const PipelineOutcome outcome = commands.run(m_connection);
    if (const qsizetype failed = outcome.firstFailure(); failed >= 0) {
        const Error error = Error(outcome.at(failed).error());
        m_connection.exec(Transaction::rollbackCommand());
        return withPrefix(error, context);
    }
    return {};
}

Status Ledger::trustedInTransaction()
{
    const Result<QString> untrusted = LedgerTrust::refusal(m_connection);
    if (untrusted && untrusted.value().isEmpty())
        return {};
    m_connection.exec(Transaction::rollbackCommand());
    return untrusted ? notOurs(untrusted.value()) : untrusted.error();
}

Status Ledger::ensure(std::optional<int> transactionLockWaitMs)
{
    // Its owners are read before anything of it: by exists() when it is there (this object's
    // exists() right before, or now), by upgrade() in its transaction when it is made.
    const Result<bool> found = m_foundTrusted ? Result<bool>(true) : exists();
    if (!found)
        return found.error();
    if (!found.value()) {
        const Status created = upgrade(false, transactionLockWaitMs);
        m_created = created.ok();
        return created;
    }
    const Result<int> format = readFormat();
    if (!format)
        return format.error();
    if (format.value() > kFormat)
        return notOurs(tr("the ledger in this database has format %1, written by a newer UAIP "
                          "Admin; this version understands format %2. Upgrade before changing "
                          "this database.")
                           .arg(format.value())
                           .arg(kFormat));
    if (format.value() < kFormat || m_legacy)
        return upgrade(m_legacy, transactionLockWaitMs);
    return {};
}

Result<QList<LedgerEntry>> Ledger::entries()
{
    PgResult r = m_connection.exec(
        SqlResource::of("ledger", m_legacy ? "ledger_applied_v1" : "ledger_applied"));
    if (!r.ok())
        return Error(r.error());
    QList<LedgerEntry> out;
    for (int i = 0; i < r.rows(); ++i) {
        LedgerEntry e;
        e.appliedOrder = i;
        e.version = r.value(i, "version");
        e.name = r.value(i, "name");
        e.checksum = r.value(i, "checksum");
        e.downChecksum = r.value(i, "down_checksum");
        e.appliedAt = r.value(i, "applied_at");
        e.appliedBy = r.value(i, "applied_by");
        e.client = r.value(i, "client");
        e.durationMs = r.value(i, "duration_ms").toInt();
        e.dirty = r.value(i, "state") == QLatin1String("dirty");
        e.error = r.value(i, "error");
        if (!m_legacy) {
            e.progressAction = r.value(i, "progress_action");
            e.progressDone = r.value(i, "progress_done").toInt();
            e.progressTotal = r.value(i, "progress_total").toInt();
            e.progressAt = r.value(i, "progress_at");
            e.progressChecksum = r.value(i, "progress_checksum");
            e.progressBatch = r.value(i, "progress_batch");
        }
        out << e;
    }
    return out;
}

QVariantList Ledger::recordParams(const LedgerEntry &e) const
{
    return {e.version,
            e.name,
            e.checksum,
            orNull(e.downChecksum),
            m_client,
            e.durationMs,
            e.dirty ? QStringLiteral("dirty") : QStringLiteral("applied"),
            orNull(e.error),
            orNull(e.progressAction),
            e.progressTotal > 0 ? QVariant(e.progressDone) : QVariant(),
            e.progressTotal > 0 ? QVariant(e.progressTotal) : QVariant(),
            orNull(e.progressAt),
            e.progressTotal > 0 ? orNull(e.progressChecksum) : QVariant(),
            e.progressTotal > 0 ? orNull(e.progressBatch) : QVariant()};
}

Status Ledger::record(const LedgerEntry &e)
{
    return writePinned(SqlResource::of("ledger", "ledger_insert"), recordParams(e));
}

QByteArray Ledger::pinSearchPathSql()
{
    return SqlResource::of("ledger", "ledger_pin_search_path");
}

QByteArray Ledger::unpinSearchPathSql()
{
    return SqlResource::of("ledger", "ledger_unpin_search_path");
}

Status Ledger::writePinned(const QByteArray &write, const QVariantList &params)
{
    // one pipeline, one implicit transaction (or the caller's): the write resolves its
    // functions and operators in pg_catalog, whatever the role's search_path
    const std::vector<PgResult> results = m_connection.pipeline(
        {pinSearchPathSql(), write, unpinSearchPathSql()}, {{}, params, {}});
    for (const PgResult &r : results)
        if (!r.ok())
            return statusOf(r);
    return statusOf(results.at(1));
}

Status Ledger::recordIsolated(const LedgerEntry &e, const QString &lockTimeout)
{
    TransactionOptions readWrite;
    readWrite.access = TransactionOptions::Access::ReadWrite;
    QList<QByteArray> sql{Transaction::beginCommand(readWrite)};
    QList<QVariantList> params{{}};
    appendIsolatedWrite(sql, params, e, lockTimeout);
    return commitPipeline(sql, params);
}

void Ledger::appendIsolatedWrite(QList<QByteArray> &sql, QList<QVariantList> &params,
                                 const LedgerEntry &e, const QString &lockTimeout) const
{
    sql << SqlResource::of("ledger", "session_local_authorization") << pinSearchPathSql()
        << SqlResource::of("ledger", "ledger_isolated_begin") << lockCheckSql()
        << SqlResource::of("ledger", "ledger_insert") << unpinSearchPathSql()
        << Transaction::commitCommand();
    params << QVariantList() << QVariantList() << QVariantList{lockTimeout}
           << lockCheckParams({}, true) << recordParams(e) << QVariantList() << QVariantList();
}

Status Ledger::commitPipeline(const QList<QByteArray> &sql, const QList<QVariantList> &params)
{
    const std::vector<PgResult> results = m_connection.pipeline(sql, params);
    for (const PgResult &r : results)
        if (!r.ok()) {
            m_connection.exec(Transaction::rollbackCommand());
            return statusOf(r);
        }
    if (!Transaction::committed(results.back()))
        return statusOf(PgResult());
    return {};
}

QByteArray Ledger::recordAppliedSql()
{
    return SqlResource::of("ledger", "ledger_apply");
}

QByteArray Ledger::recordRolledBackSql()
{
    return SqlResource::of("ledger", "ledger_rollback");
}

QByteArray Ledger::lockCheckSql()
{
    return SqlResource::of("ledger", "ledger_lock_check");
}

QVariantList Ledger::lockCheckParams(const QString &eventTriggerGuard, bool otherLocksAllowed)
{
    return {MigrationLock::kClassId, MigrationLock::kObjectId, orNull(eventTriggerGuard),
            !otherLocksAllowed};
}

Status Ledger::recordStart(const LedgerEntry &e, const QString &expectedState)
{
    return writeHoldingLock(SqlResource::of("ledger", "ledger_start_dirty"),
                            recordParams(e) << orNull(expectedState));
}

Status Ledger::writeHoldingLock(const QByteArray &write, const QVariantList &params)
{
    // one pipeline, one implicit transaction: a failed check skips the write; search_path
    // pinned to pg_catalog for that transaction first
    const std::vector<PgResult> results
        = m_connection.pipeline({pinSearchPathSql(), lockCheckSql(), write, unpinSearchPathSql()},
                                {{}, lockCheckParams(), params, {}});
    for (const PgResult &r : results)
        if (!r.ok())
            return statusOf(r);
    return statusOf(results.at(2));
}

QVariantList Ledger::recordAppliedParams(const LedgerEntry &e,
                                         const QString &eventTriggerGuard) const
{
    return {e.version,
            e.name,
            e.checksum,
            orNull(e.downChecksum),
            m_client,
            e.durationMs > 0 ? QVariant(e.durationMs) : QVariant(),
            orNull(eventTriggerGuard),
            orNull(e.eventDetail)};
}

QVariantList Ledger::recordRolledBackParams(const LedgerEntry &e,
                                            const QString &eventTriggerGuard) const
{
    return {e.version,
            e.name,
            m_client,
            e.durationMs > 0 ? QVariant(e.durationMs) : QVariant(),
            e.checksum,
            orNull(eventTriggerGuard),
            orNull(e.eventDetail)};
}

QByteArray Ledger::recordGroupSql(bool up)
{
    return SqlResource::of("ledger", up ? "ledger_apply_group" : "ledger_rollback_group");
}

QVariantList Ledger::recordGroupParams(const QList<LedgerEntry> &entries, bool up) const
{
    QJsonArray steps;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const LedgerEntry &e = entries[i];
        QJsonObject step{{QStringLiteral("version"), e.version},
                         {QStringLiteral("name"), e.name},
                         {QStringLiteral("checksum"), e.checksum},
                         {QStringLiteral("duration_ms"), e.durationMs},
                         {QStringLiteral("ord"), int(i)},
                         {QStringLiteral("detail"),
                          e.eventDetail.isEmpty() ? QJsonValue() : QJsonValue(e.eventDetail)}};
        if (up)
            step.insert(QStringLiteral("down_checksum"),
                        e.downChecksum.isEmpty() ? QJsonValue() : QJsonValue(e.downChecksum));
        steps.append(step);
    }
    return {QString::fromUtf8(QJsonDocument(steps).toJson(QJsonDocument::Compact)), m_client};
}

Status Ledger::recordApplied(const LedgerEntry &e)
{
    return writeHoldingLock(recordAppliedSql(), recordAppliedParams(e));
}

Status Ledger::recordFinishedApply(const LedgerEntry &e)
{
    return writeHoldingLock(SqlResource::of("ledger", "ledger_finish_apply"),
                            recordAppliedParams(e));
}

Status Ledger::recordRolledBack(const LedgerEntry &e)
{
    return writeHoldingLock(recordRolledBackSql(), recordRolledBackParams(e));
}

Status Ledger::recordAdopted(const LedgerEntry &e, const QString &detail)
{
    return writeHoldingLock(
        SqlResource::of("ledger", "ledger_adopt"),
        {e.version, e.name, e.checksum, orNull(e.downChecksum), m_client, detail});
}

Status Ledger::remove(const QString &version)
{
    return writePinned(SqlResource::of("ledger", "ledger_delete"), {version});
}

Status Ledger::updateChecksums(const QString &version, const QString &checksum,
                               const QString &downChecksum)
{
    return writePinned(SqlResource::of("ledger", "ledger_update_checksums"),
                       {version, checksum, orNull(downChecksum)});
}

Status Ledger::addEvent(const LedgerEvent &e)
{
    return writePinned(SqlResource::of("ledger", "ledger_event"),
                       {orNull(e.version), orNull(e.name), e.action, e.outcome, m_client,
                        e.durationMs, orNull(e.checksum), orNull(e.error), orNull(e.detail)});
}

Result<QList<LedgerEvent>> Ledger::events(const QString &version, int limit)
{
    PgResult r = m_connection.exec(
        SqlResource::of("ledger", m_legacy ? "ledger_events_v1" : "ledger_events"),
        {orNull(version), limit});
    if (!r.ok())
        return Error(r.error());
    QList<LedgerEvent> out;
    for (int i = 0; i < r.rows(); ++i) {
        LedgerEvent e;
        e.id = r.value(i, "id").toLongLong();
        e.version = r.value(i, "version");
        e.name = r.value(i, "name");
        e.action = r.value(i, "action");
        e.outcome = r.value(i, "outcome");
        e.happenedAt = r.value(i, "happened_at");
        e.actor = r.value(i, "actor");
        e.client = r.value(i, "client");
        e.durationMs = r.value(i, "duration_ms").toInt();
        e.checksum = r.value(i, "checksum");
        e.error = r.value(i, "error");
        if (!m_legacy)
            e.detail = r.value(i, "detail");
        out << e;
    }
    return out;
}

} // namespace uaip
