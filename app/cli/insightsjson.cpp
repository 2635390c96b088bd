#include "insightsjson.h"

#include "indexadvice/advicereport.h"
#include "indexadvice/indexhealthreport.h"
#include "insights/connectionusage.h"
#include "insights/insightscapabilities.h"
#include "insights/tablehealthreport.h"
#include "insights/workload.h"
#include "jsonformat.h"

namespace uaip {

namespace {

QJsonValue msOrNull(qint64 ms)
{
    return ms < 0 ? QJsonValue() : QJsonValue(ms);
}

QString kindName(XminBlocker::Kind kind)
{
    switch (kind) {
    case XminBlocker::Kind::Session:
        return QStringLiteral("session");
    case XminBlocker::Kind::Slot:
        return QStringLiteral("replication_slot");
    case XminBlocker::Kind::Prepared:
        return QStringLiteral("prepared_transaction");
    case XminBlocker::Kind::Standby:
        return QStringLiteral("standby");
    }
    return QString();
}

QJsonObject blockerJson(const XminBlocker &b)
{
    QJsonObject o{{QStringLiteral("kind"), kindName(b.kind)},
                  {QStringLiteral("name"), b.name},
                  {QStringLiteral("owner"), JsonFormat::orNull(b.owner)},
                  {QStringLiteral("database"), JsonFormat::orNull(b.database)},
                  {QStringLiteral("application"), JsonFormat::orNull(b.application)},
                  {QStringLiteral("state"), JsonFormat::orNull(b.state)},
                  {QStringLiteral("xmin_age"), b.xminAge},
                  {QStringLiteral("age_ms"), msOrNull(b.ageMs)},
                  {QStringLiteral("detail"), JsonFormat::orNull(b.detail)}};
    if (b.kind == XminBlocker::Kind::Session)
        o.insert(QStringLiteral("pid"), b.name.toInt());
    if (b.kind == XminBlocker::Kind::Slot)
        o.insert(QStringLiteral("slot"), b.name);
    if (b.kind == XminBlocker::Kind::Prepared)
        o.insert(QStringLiteral("gid"), b.name);
    return o;
}

QJsonObject tableJson(const TableHealth &t)
{
    QJsonObject o{{QStringLiteral("schema"), t.schema},
                  {QStringLiteral("table"), t.table},
                  {QStringLiteral("bytes"), t.bytes},
                  {QStringLiteral("live_tuples"), t.liveTuples},
                  {QStringLiteral("dead_tuples"), t.deadTuples},
                  {QStringLiteral("dead_ratio"), t.deadRatio()},
                  {QStringLiteral("modified_since_analyze"), t.modifiedSinceAnalyze},
                  {QStringLiteral("last_vacuum"), JsonFormat::orNull(t.lastVacuum)},
                  {QStringLiteral("last_autovacuum"), JsonFormat::orNull(t.lastAutovacuum)},
                  {QStringLiteral("last_analyze"), JsonFormat::orNull(t.lastAnalyze)},
                  {QStringLiteral("last_autoanalyze"), JsonFormat::orNull(t.lastAutoanalyze)},
                  {QStringLiteral("xid_age"), t.xidAge},
                  {QStringLiteral("mxid_age"), t.mxidAge},
                  {QStringLiteral("freeze_max_age"), t.freezeMaxAge}};
    if (t.freePercent >= 0) {
        o.insert(QStringLiteral("free_percent"), t.freePercent);
        o.insert(QStringLiteral("dead_percent"), t.deadPercent);
    }
    return o;
}

QJsonObject sequenceJson(const SequenceHeadroom &s)
{
    return {{QStringLiteral("schema"), s.schema},
            {QStringLiteral("sequence"), s.sequence},
            {QStringLiteral("data_type"), s.dataType},
            {QStringLiteral("last_value"), JsonFormat::orNull(s.lastValue)},
            {QStringLiteral("bound"), s.bound},
            {QStringLiteral("increment"), s.increment},
            {QStringLiteral("cycles"), s.cycles},
            {QStringLiteral("owner_table"), JsonFormat::orNull(s.ownerTable)},
            {QStringLiteral("owner_column"), JsonFormat::orNull(s.ownerColumn)},
            {QStringLiteral("column_type"), JsonFormat::orNull(s.columnType)},
            {QStringLiteral("readable"), s.readable},
            {QStringLiteral("remaining"), JsonFormat::orNull(s.remaining)},
            {QStringLiteral("used"), s.used}};
}

} // namespace

QJsonObject InsightsJson::capabilities(const InsightsCapabilities &caps)
{
    QJsonObject extensions;
    for (const QString &e : InsightsCapabilities::extensions())
        extensions.insert(e,
                          QJsonObject{{QStringLiteral("ready"), caps.ready(e)},
                                      {QStringLiteral("installed"), caps.installed(e)},
                                      {QStringLiteral("available"), caps.available(e)},
                                      {QStringLiteral("how_to_enable"),
                                       JsonFormat::orNull(caps.howToEnable(e))}});
    return {{QStringLiteral("database"), caps.database()},
            {QStringLiteral("role"), caps.role()},
            {QStringLiteral("standby"), caps.standby()},
            {QStringLiteral("reads_all_stats"), caps.readsAllStats()},
            {QStringLiteral("extensions"), extensions},
            {QStringLiteral("limits"), QJsonArray::fromStringList(caps.limits())}};
}

QJsonArray InsightsJson::queries(const Workload &workload)
{
    QJsonArray out;
    for (const QueryStat &q : workload.queries)
        out.append(QJsonObject{{QStringLiteral("queryid"), q.queryId},
                               {QStringLiteral("query"), q.query},
                               {QStringLiteral("text_hidden"), q.textHidden()},
                               {QStringLiteral("user"), q.user},
                               {QStringLiteral("calls"), q.calls},
                               {QStringLiteral("total_ms"), q.totalMs},
                               {QStringLiteral("mean_ms"), q.meanMs},
                               {QStringLiteral("rows"), q.rows},
                               {QStringLiteral("shared_blks_hit"), q.sharedHit},
                               {QStringLiteral("shared_blks_read"), q.sharedRead},
                               {QStringLiteral("share_percent"), q.sharePercent}});
    return out;
}

QJsonArray InsightsJson::advice(const AdviceReport &report)
{
    QJsonArray out;
    for (const IndexAdvice &a : report.advice) {
        QJsonArray served;
        for (const IndexAdvice::Served &s : a.served)
            served.append(QJsonObject{{QStringLiteral("queryid"), s.queryId},
                                      {QStringLiteral("query"), s.query},
                                      {QStringLiteral("calls"), s.calls},
                                      {QStringLiteral("mean_ms"), s.meanMs},
                                      {QStringLiteral("cost_before"), s.costBefore},
                                      {QStringLiteral("cost_after"), s.costAfter},
                                      {QStringLiteral("plan_before"), s.planBefore},
                                      {QStringLiteral("plan_after"), s.planAfter}});
        out.append(
            QJsonObject{{QStringLiteral("schema"), a.index.schema},
                        {QStringLiteral("table"), a.index.table},
                        {QStringLiteral("columns"), QJsonArray::fromStringList(a.index.columns)},
                        {QStringLiteral("index"), a.index.indexName()},
                        {QStringLiteral("statement"), a.index.statement()},
                        {QStringLiteral("down"), a.index.downStatement()},
                        {QStringLiteral("cost_before"), a.costBefore()},
                        {QStringLiteral("cost_after"), a.costAfter()},
                        {QStringLiteral("saving"), a.saving()},
                        {QStringLiteral("queries"), served}});
    }
    return out;
}

QJsonArray InsightsJson::skipped(const AdviceReport &report)
{
    QJsonArray out;
    for (const SkippedQuery &s : report.skipped)
        out.append(QJsonObject{{QStringLiteral("queryid"), s.queryId},
                               {QStringLiteral("query"), s.query},
                               {QStringLiteral("why"), s.why}});
    return out;
}

QJsonArray InsightsJson::findings(const IndexHealthReport &report)
{
    QJsonArray out;
    for (const IndexFinding &f : report.findings)
        out.append(
            QJsonObject{{QStringLiteral("kind"), IndexFinding::kindName(f.kind)},
                        {QStringLiteral("schema"), f.schema},
                        {QStringLiteral("table"), f.table},
                        {QStringLiteral("index"), f.index},
                        {QStringLiteral("other"), JsonFormat::orNull(f.other)},
                        {QStringLiteral("bytes"), f.bytes},
                        {QStringLiteral("scans"), f.scans},
                        {QStringLiteral("evidence"), f.evidence},
                        {QStringLiteral("statement"), f.statement},
                        {QStringLiteral("down"), JsonFormat::orNull(f.down)},
                        {QStringLiteral("counted_since"), JsonFormat::orNull(f.countedSince)}});
    return out;
}

QJsonObject InsightsJson::tables(const TableHealthReport &report)
{
    QJsonArray tables;
    for (const TableHealth &t : report.tables)
        tables.append(tableJson(t));
    QJsonArray blockers;
    for (const XminBlocker &b : report.xminBlockers)
        blockers.append(blockerJson(b));
    QJsonArray databases;
    for (const DatabaseWraparound &d : report.databases)
        databases.append(QJsonObject{{QStringLiteral("database"), d.database},
                                     {QStringLiteral("xid_age"), d.xidAge},
                                     {QStringLiteral("mxid_age"), d.mxidAge},
                                     {QStringLiteral("freeze_max_age"), d.freezeMaxAge},
                                     {QStringLiteral("xid_headroom"), d.headroom},
                                     {QStringLiteral("allows_connections"), d.allowsConnections}});
    QJsonArray sequences;
    for (const SequenceHeadroom &s : report.sequences)
        sequences.append(sequenceJson(s));
    return {{QStringLiteral("tables"), tables},
            {QStringLiteral("xmin_blockers"), blockers},
            {QStringLiteral("wraparound"), databases},
            {QStringLiteral("sequences"), sequences}};
}

QJsonObject InsightsJson::connections(const ConnectionUsage &usage)
{
    QJsonArray groups;
    for (const ConnectionGroup &g : usage.groups)
        groups.append(
            QJsonObject{{QStringLiteral("database"), g.database},
                        {QStringLiteral("application"), g.application},
                        {QStringLiteral("state"), JsonFormat::orNull(g.state)},
                        {QStringLiteral("sessions"), g.sessions},
                        {QStringLiteral("oldest_transaction_ms"), msOrNull(g.oldestTransactionMs)},
                        {QStringLiteral("oldest_state_ms"), msOrNull(g.oldestStateMs)}});
    QJsonArray idle;
    for (const IdleTransaction &s : usage.idleInTransaction)
        idle.append(QJsonObject{{QStringLiteral("pid"), s.pid},
                                {QStringLiteral("user"), s.user},
                                {QStringLiteral("database"), s.database},
                                {QStringLiteral("application"), s.application},
                                {QStringLiteral("state"), s.state},
                                {QStringLiteral("transaction_ms"), s.transactionMs},
                                {QStringLiteral("idle_ms"), s.idleMs},
                                {QStringLiteral("last_query"), s.lastQuery},
                                {QStringLiteral("holds_xmin"), s.holdsXmin}});
    return {{QStringLiteral("max_connections"), usage.maxConnections},
            {QStringLiteral("reserved"), usage.reserved},
            {QStringLiteral("in_use"), usage.inUse},
            {QStringLiteral("free"), usage.free()},
            {QStringLiteral("used_percent"), usage.usedPercent()},
            {QStringLiteral("groups"), groups},
            {QStringLiteral("idle_in_transaction"), idle}};
}

} // namespace uaip
