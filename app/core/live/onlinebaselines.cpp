#include "onlinebaselines.h"

#include "oldnameuse.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "ledger/ledgertrust.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace uaip {

namespace {

const QLatin1String kUndefinedTable("42P01");

} // namespace

Status OnlineBaselines::trusted(PgConnection &connection)
{
    const Result<QString> refusal = LedgerTrust::refusal(connection);
    if (!refusal)
        return refusal.error();
    if (refusal.value().isEmpty())
        return {};
    return Error(ErrorCode::Refused, refusal.value());
}

Status OnlineBaselines::keep(PgConnection &connection, const QString &version)
{
    Transaction tx(connection);
    if (Status s = tx.begin(); !s)
        return s;
    if (PgResult pin = connection.exec(SqlResource::of("live", "online_pin_search_path"));
        !pin.ok())
        return Error(pin.error());
    const Result<std::optional<QString>> schema = OldNameUse::schemaOf(connection);
    if (!schema)
        return schema.error();
    if (!*schema)
        return Error(
            ErrorCode::Refused,
            tr("pg_stat_statements is not created in database %1").arg(connection.database()));
    if (Status s = trusted(connection); !s)
        return s;
    if (PgResult c = connection.exec(SqlResource::of("live", "online_baseline_table")); !c.ok())
        return Error(c.error());
    if (Status s = LedgerTrust::keepPrivate(connection); !s)
        return s;
    const QByteArray insert = SqlResource::fill(
        SqlResource::of("live", "online_baseline_keep"),
        {{QByteArrayLiteral("%SCHEMA%"), connection.quoteIdentifier(**schema)}});
    if (PgResult r = connection.exec(insert, {version}); !r.ok())
        return Error(r.error());
    return tx.commit();
}

Result<std::optional<OnlineBaselines::Baseline>> OnlineBaselines::of(PgConnection &connection,
                                                                     const QString &version)
{
    Transaction tx(connection);
    if (Status s = tx.begin(TransactionOptions::readOnly()); !s)
        return s.error();
    if (PgResult pin = connection.exec(SqlResource::of("live", "online_pin_search_path"));
        !pin.ok())
        return Error(pin.error());
    if (Status s = trusted(connection); !s)
        return s.error();
    const PgResult r = connection.exec(SqlResource::of("live", "online_baseline_for"), {version});
    if (!r.ok() && r.error().sqlState == kUndefinedTable)
        return std::optional<Baseline>();
    if (!r.ok())
        return Error(r.error());
    if (Status s = tx.end(); !s)
        return s.error();
    if (r.rows() == 0)
        return std::optional<Baseline>();
    Baseline b;
    b.takenAt = r.value(0, "taken_at");
    b.statsReset = r.value(0, "stats_reset");
    const QJsonObject calls = QJsonDocument::fromJson(r.value(0, "calls").toUtf8()).object();
    for (auto it = calls.constBegin(); it != calls.constEnd(); ++it)
        b.calls.insert(it.key(), qint64(it.value().toDouble()));
    return std::optional<Baseline>(b);
}

} // namespace uaip
