#include "metricsquery.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "metricslabels.h"
#include "metricsnumber.h"
#include "metricsrequestvalidator.h"
#include "metricsstats.h"
#include "metricstransaction.h"

#include <QHash>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace uaip {

namespace {

const char *const kCancelled = "57014"; // query_canceled
const char *const kInvalidParameter = "22023"; // invalid_parameter_value (unknown zone)

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// A .sql fragment without its leading comment lines (they describe the file, not the statement).
QByteArray fragment(const QString &name)
{
    QByteArray sql = SqlResource::get(QStringLiteral("metrics/sql/%1.sql").arg(name));
    while (sql.startsWith("--")) {
        const qsizetype eol = sql.indexOf('\n');
        sql = eol < 0 ? QByteArray() : sql.mid(eol + 1);
    }
    return sql.trimmed();
}

// series.sql's percentile columns: exact (a sort per group) or none (the grouping can hash).
constexpr const char *kP50 = "percentile_cont(0.5) WITHIN GROUP (ORDER BY b.v)";
constexpr const char *kP95 = "percentile_cont(0.95) WITHIN GROUP (ORDER BY b.v)";
constexpr const char *kNoPercentile = "NULL::float8";

// The wrapper statement with its splice points filled: BUCKETS (series_buckets.sql, which holds
// ROWS itself), then ROWS (the panel's *_rows.sql).
QByteArray withRows(const QString &wrapper, MetricsPanel panel)
{
    QByteArray sql = SqlResource::get(QStringLiteral("metrics/sql/%1.sql").arg(wrapper));
    if (sql.contains("%BUCKETS%"))
        sql.replace("%BUCKETS%", fragment(QStringLiteral("series_buckets")));
    const QByteArray rows
        = SqlResource::get(QStringLiteral("metrics/sql/%1_rows.sql").arg(metricsPanelName(panel)))
              .trimmed();
    sql.replace("%ROWS%", rows);
    return sql;
}

// $1..$6: what every *_rows.sql takes.
void bindRows(const MetricsRequest &request, const QDateTime &from, const QDateTime &to,
              const QStringList &keys, BoundStatement *st)
{
    QString name = request.metricName;
    if (name.isEmpty() && !MetricsRequestValidator::fixedNames(request.panel).isEmpty())
        name = MetricsRequestValidator::fixedNames(request.panel).constFirst();
    st->params = {iso(from),
                  iso(to),
                  request.timeZone,
                  request.metricType.isEmpty() ? QVariant() : QVariant(request.metricType),
                  name.isEmpty() ? QVariant() : QVariant(name),
                  keys.isEmpty() ? QVariant() : QVariant(BoundStatement::textArray(keys))};
    st->paramNames = {QStringLiteral("from"),        QStringLiteral("to"),
                      QStringLiteral("time zone"),   QStringLiteral("metric type"),
                      QStringLiteral("metric name"), QStringLiteral("series keys")};
}

// The bucket of a request that passed validate().
MetricsBucket chosenBucket(const MetricsRequest &request)
{
    if (request.bucket)
        return *request.bucket;
    const MetricsBucket minimum = request.panel == MetricsPanel::Tokens
        ? MetricsBucket::calendar(MetricsBucket::Unit::Day)
        : MetricsBucket::seconds(1);
    return MetricsBucketChooser::choose(request.from, request.to, request.widthPx, minimum);
}

BoundStatement seriesStatement(const MetricsRequest &request, const MetricsBucket &bucket,
                               const QDateTime &from, const QDateTime &to, const QStringList &keys)
{
    BoundStatement st;
    st.sql = withRows(QStringLiteral("series"), request.panel);
    const bool exact = request.percentiles();
    st.sql.replace("%P50%", exact ? kP50 : kNoPercentile);
    st.sql.replace("%P95%", exact ? kP95 : kNoPercentile);
    bindRows(request, from, to, keys, &st);
    const qint64 fixed = bucket.fixedSeconds();
    st.params << (fixed > 0 ? QStringLiteral("%1 seconds").arg(fixed) : QStringLiteral("1 day"))
              << (bucket.truncField().isEmpty() ? QVariant() : QVariant(bucket.truncField()));
    st.paramNames << QStringLiteral("bucket interval") << QStringLiteral("calendar bucket");
    return st;
}

// Whether the server refuses the request's time zone (asked, not read from its words).
bool unknownZone(PgConnection &connection, const MetricsRequest &request)
{
    const PgResult r = connection.exec(
        SqlResource::get(QStringLiteral("metrics/sql/time_zone_check.sql")), {request.timeZone});
    return !r.ok() && r.error().sqlState == QLatin1String(kInvalidParameter);
}

MetricsResult failure(PgConnection &connection, const PgResult &r, const MetricsRequest &request,
                      MetricsResult result)
{
    const PgError server = r.error();
    const QString panel = metricsPanelName(request.panel);
    if (server.sqlState == QLatin1String(kCancelled)) {
        result.error
            = Error(ErrorCode::Cancelled, QStringLiteral("the %1 query was cancelled").arg(panel));
    } else if (server.sqlState == QLatin1String(kInvalidParameter)
               && unknownZone(connection, request)) {
        result.error = Error(
            ErrorCode::BadInput,
            QStringLiteral("time zone '%1' is not known to the server").arg(request.timeZone),
            {{QStringLiteral("field"), QStringLiteral("timeZone")}});
    } else if (!server.isSet()) {
        result.error
            = Error(ErrorCode::Connection,
                    QStringLiteral("the %1 query failed: no answer from the server").arg(panel));
    } else {
        result.error = Error(server).in(QStringLiteral("the %1 query failed").arg(panel));
    }
    result.series.clear();
    result.previous.clear();
    return result;
}

// A text-format integer read straight from libpq (see MetricsNumber).
qint64 integer(const PgResult &r, int row, int column)
{
    const std::string_view text = r.view(row, column);
    qint64 v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

// Reads series.sql's rows (ordered by key, bucket) into series, in the order of keys (then
// any other key in the order met).
QList<MetricsSeries> readSeries(const PgResult &r, const QStringList &keys)
{
    QList<MetricsSeries> series;
    QHash<QString, qsizetype> index;
    for (const QString &k : keys) {
        index.insert(k, series.size());
        series.append(MetricsSeries{k, k, 0, {}, {}});
    }
    qsizetype current = -1;
    for (int i = 0; i < r.rows(); ++i) {
        if (current < 0 || r.view(i, 0) != r.view(i - 1, 0)) {
            const QString key = r.value(i, 0);
            auto it = index.find(key);
            if (it == index.end()) {
                it = index.insert(key, series.size());
                series.append(MetricsSeries{key, key, 0, {}, {}});
            }
            current = *it;
            // the series' rows are consecutive: size its list once
            int end = i + 1;
            while (end < r.rows() && r.view(end, 0) == r.view(i, 0))
                ++end;
            series[current].points.reserve(series[current].points.size() + (end - i));
        }
        MetricsSeries &s = series[current];
        MetricsPoint &p = s.points.emplace_back();
        // The zone's offset at that instant comes from the server (its zone data cut the buckets).
        p.startMs = integer(r, i, 1);
        p.utcOffset = int(integer(r, i, 13));
        p.firstMs = integer(r, i, 14);
        p.lastMs = integer(r, i, 15);
        p.byPeriod = r.view(i, 16) == "t";
        p.count = integer(r, i, 2);
        p.mean = MetricsNumber::at(r, i, 3);
        p.min = MetricsNumber::at(r, i, 4);
        p.max = MetricsNumber::at(r, i, 5);
        p.p50 = MetricsNumber::at(r, i, 6);
        p.p95 = MetricsNumber::at(r, i, 7);
        p.sum = MetricsNumber::at(r, i, 8);
        p.rate = MetricsNumber::at(r, i, 9);
        p.baseline = MetricsNumber::at(r, i, 10);
        p.target = MetricsNumber::at(r, i, 11);
        p.confidence = MetricsNumber::at(r, i, 12);
        s.volume += p.count;
    }
    return series;
}

// run()'s steps: false when a query failed (or the transaction did not begin), with the
// failure in *result. The top N series keys by volume in the range:
bool readTopKeys(PgConnection &connection, MetricsTransaction &tx, const MetricsRequest &request,
                 QStringList *keys, MetricsResult *result)
{
    const BoundStatement rank = MetricsQuery::rankStatement(request, request.topN);
    result->sent << rank;
    const Result<std::vector<PgResult>> sent = tx.send({rank}, false);
    if (!sent) {
        result->error = sent.error();
        return false;
    }
    const PgResult &r = sent.value().front();
    if (!r.ok()) {
        *result = failure(connection, r, request, *result);
        return false;
    }
    for (int i = 0; i < r.rows(); ++i)
        *keys << r.value(i, 0);
    return true;
}

// The legend's statistics over the raw rows (and the series' sampling intervals).
bool readStats(PgConnection &connection, MetricsTransaction &tx, const MetricsRequest &request,
               const QStringList &keys, QHash<QString, MetricsSeriesStats> *stats,
               MetricsResult *result)
{
    const BoundStatement st = MetricsQuery::statsStatement(request, keys);
    result->sent << st;
    const Result<std::vector<PgResult>> sent = tx.send({st}, false);
    if (!sent) {
        result->error = sent.error();
        return false;
    }
    const PgResult &r = sent.value().front();
    if (!r.ok()) {
        *result = failure(connection, r, request, *result);
        return false;
    }
    *stats = MetricsStats::read(r);
    result->samplingSeconds = MetricsStats::samplingSeconds(stats->values());
    const std::optional<MetricsBucket> floor = MetricsStats::floorFor(result->samplingSeconds);
    if (!request.bucket && request.bucketAtLeastSampling && floor
        && floor->nominalSeconds() > result->bucket.nominalSeconds()) {
        result->bucket = *floor;
        result->bucketFromSampling = true;
    }
    return true;
}

bool readCurrentSeries(PgConnection &connection, const PgResult &r, const MetricsRequest &request,
                       const QStringList &keys, const QHash<QString, MetricsSeriesStats> &stats,
                       MetricsResult *result)
{
    if (!r.ok()) {
        *result = failure(connection, r, request, *result);
        return false;
    }
    result->series = readSeries(r, keys);
    for (MetricsSeries &s : result->series)
        s.stats = stats.value(s.key);
    // Largest first (the order of the legend); the order asked for when ids were given.
    if (request.ids.isEmpty())
        std::stable_sort(
            result->series.begin(), result->series.end(),
            [](const MetricsSeries &a, const MetricsSeries &b) { return a.volume > b.volume; });
    return true;
}

// The statement of the same series over the period before, for comparison.
BoundStatement previousStatement(const MetricsRequest &request, const MetricsBucket &bucket,
                                 const QStringList &keys)
{
    const qint64 span = request.from.msecsTo(request.to);
    return seriesStatement(request, bucket, request.from.addMSecs(-span), request.from, keys);
}

bool readPreviousSeries(PgConnection &connection, const PgResult &r, const MetricsRequest &request,
                        const QStringList &keys, MetricsResult *result)
{
    if (!r.ok()) {
        *result = failure(connection, r, request, *result);
        return false;
    }
    QList<MetricsSeries> previous = readSeries(r, keys);
    // Same series, same order as the current period.
    QList<MetricsSeries> ordered;
    for (const MetricsSeries &s : std::as_const(result->series)) {
        const auto it = std::find_if(previous.begin(), previous.end(),
                                     [&](const MetricsSeries &p) { return p.key == s.key; });
        ordered.append(it != previous.end() ? *it : MetricsSeries{s.key, s.key, 0, {}, {}});
    }
    result->previous = ordered;
    result->previousOffsetMs = request.from.msecsTo(request.to);
    return true;
}

// The series' labels (labels: the look-up's answer); when their query failed, *result is the
// failure.
void readLabels(const MetricsRequest &request, const MetricsLabels::Lookup &labels,
                MetricsResult *result)
{
    if (!labels.statement.isEmpty())
        result->sent << labels.statement;
    if (!labels.ok()) {
        const QString panel = metricsPanelName(request.panel);
        result->error = labels.error.sqlState() == QLatin1String(kCancelled)
            ? Error(ErrorCode::Cancelled, QStringLiteral("the %1 query was cancelled").arg(panel))
            : labels.error.in(QStringLiteral("the %1 labels query failed").arg(panel));
        result->series.clear();
        result->previous.clear();
        return;
    }
    for (MetricsSeries &s : result->series)
        s.label = labels.labels.value(s.key, s.key);
    for (MetricsSeries &s : result->previous)
        s.label = labels.labels.value(s.key, s.key);
}

QStringList seriesKeys(const MetricsResult &result)
{
    QStringList keys;
    for (const MetricsSeries &s : result.series)
        keys << s.key;
    return keys;
}

} // namespace

MetricsQuery::MetricsQuery(PgConnection &connection)
    : m_connection(connection)
{ }

QString MetricsQuery::validate(const MetricsRequest &request)
{
    return MetricsRequestValidator::problem(request);
}

MetricsBucket MetricsQuery::bucketFor(const MetricsRequest &request)
{
    if (!validate(request).isEmpty())
        return MetricsBucket();
    return chosenBucket(request);
}

BoundStatement MetricsQuery::statement(const MetricsRequest &request, const QStringList &keys)
{
    if (!validate(request).isEmpty())
        return BoundStatement();
    return seriesStatement(request, chosenBucket(request), request.from, request.to, keys);
}

BoundStatement MetricsQuery::statsStatement(const MetricsRequest &request, const QStringList &keys)
{
    BoundStatement st;
    st.sql = withRows(QStringLiteral("stats"), request.panel);
    bindRows(request, request.from, request.to, keys, &st);
    return st;
}

BoundStatement MetricsQuery::rankStatement(const MetricsRequest &request, qint64 topN)
{
    BoundStatement st;
    // The Persona panel ranks from its exact day counts (persona_rank.sql, migration 0017)
    // plus the rows of the partial days at the edges; the others from their rows.
    st.sql = request.panel == MetricsPanel::Persona
        ? SqlResource::get(QStringLiteral("metrics/sql/persona_rank.sql"))
        : withRows(QStringLiteral("rank"), request.panel);
    bindRows(request, request.from, request.to, {}, &st);
    st.params << (topN > 0 ? QVariant(QString::number(topN)) : QVariant());
    st.paramNames << QStringLiteral("top N");
    return st;
}

TransactionOptions MetricsQuery::readOptions()
{
    TransactionOptions options = TransactionOptions::readOnlyRolledBack();
    options.savepointWhenNested = true;
    options.settings = {{QStringLiteral("lock_timeout"), QLatin1String(kLockTimeout)}};
    return options;
}

Error MetricsQuery::lockedOr(const Error &error, MetricsPanel panel)
{
    if (error.sqlState() != QLatin1String("55P03"))
        return error;
    return Error(ErrorCode::Locked,
                 tr("the %1 panel was not read: another session holds a lock on a table it reads "
                    "(the Activity view shows which); refresh once it is released")
                     .arg(metricsPanelName(panel)),
                 {{QStringLiteral("panel"), metricsPanelName(panel)}})
        .saidBy(*error.server());
}

MetricsResult MetricsQuery::run(const MetricsRequest &request)
{
    if (const QString problem = validate(request); !problem.isEmpty()) {
        MetricsResult refused; // bad input never reaches the connection
        refused.error = Error(ErrorCode::BadInput, problem);
        return refused;
    }
    MetricsTransaction tx(m_connection);
    MetricsResult result = runReads(tx, request);
    tx.end();
    result.error = lockedOr(result.error, request.panel);
    return result;
}

MetricsResult MetricsQuery::runReads(MetricsTransaction &tx, const MetricsRequest &request)
{
    MetricsResult result; // the request was validated (run())
    result.bucket = chosenBucket(request);

    // The series to draw: the ones asked for, or the top N by volume in the range.
    QStringList keys = request.ids;
    if (keys.isEmpty() && request.topN > 0) {
        if (!readTopKeys(m_connection, tx, request, &keys, &result))
            return result;
        if (keys.isEmpty()) {
            result.statement
                = seriesStatement(request, result.bucket, request.from, request.to, keys);
            return result; // no data in this range
        }
    }

    QHash<QString, MetricsSeriesStats> stats;
    if (!readStats(m_connection, tx, request, keys, &stats, &result))
        return result;
    // The rest in one round trip, with the rollback: the series, the period before, and the
    // labels when the keys are known already (else the series' keys: then on their own).
    result.statement = seriesStatement(request, result.bucket, request.from, request.to, keys);
    QList<BoundStatement> rest{result.statement};
    if (request.previousPeriod)
        rest << previousStatement(request, result.bucket, keys);
    const BoundStatement labels
        = keys.isEmpty() ? BoundStatement() : MetricsLabels::statement(request.panel, keys);
    if (!labels.isEmpty())
        rest << labels;
    result.sent << rest.mid(0, request.previousPeriod ? 2 : 1);
    const bool labelsKnown = !keys.isEmpty();
    const Result<std::vector<PgResult>> sent = tx.send(rest, labelsKnown);
    if (!sent) {
        result.error = sent.error();
        return result;
    }
    const std::vector<PgResult> &r = sent.value();
    if (!readCurrentSeries(m_connection, r[0], request, keys, stats, &result)
        || (request.previousPeriod
            && !readPreviousSeries(m_connection, r[1], request, keys, &result)))
        return result;
    if (labelsKnown) {
        readLabels(request, MetricsLabels::read(request.panel, keys, labels, r.back()), &result);
        return result;
    }
    const QStringList all = seriesKeys(result);
    const BoundStatement late = MetricsLabels::statement(request.panel, all);
    if (late.isEmpty()) {
        readLabels(request, MetricsLabels::read(request.panel, all, late, PgResult()), &result);
        return result;
    }
    const Result<std::vector<PgResult>> looked = tx.send({late}, true);
    if (!looked) {
        result.error = looked.error();
        return result;
    }
    readLabels(request, MetricsLabels::read(request.panel, all, late, looked.value().front()),
               &result);
    return result;
}

} // namespace uaip
