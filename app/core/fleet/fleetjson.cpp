#include "fleetjson.h"

#include "ledger/lockattemptjson.h"

#include <QJsonArray>

namespace uaip {

namespace {

// A target's error: its code, its words, where a migration failed ("" and 0 elsewhere) and
// the server's SQLSTATE where the server spoke ("" elsewhere).
QJsonObject errorJson(const Error &e)
{
    return {{QStringLiteral("code"), errorCodeName(e.code())},
            {QStringLiteral("message"), e.toString()},
            {QStringLiteral("file"), e.arg(QStringLiteral("path")).toString()},
            {QStringLiteral("line"), e.arg(QStringLiteral("line")).toInt()},
            {QStringLiteral("col"), e.arg(QStringLiteral("column")).toInt()},
            {QStringLiteral("sqlstate"), e.sqlState()}};
}

} // namespace

QJsonObject FleetJson::target(const FleetTargetResult &r)
{
    QJsonObject o{
        {QStringLiteral("name"), r.name},
        {QStringLiteral("wave"), r.wave},
        {QStringLiteral("state"), FleetTargetResult::stateName(r.state)},
        {QStringLiteral("applied"), QJsonArray::fromStringList(r.applied)},
        {QStringLiteral("pending"), r.pending},
        {QStringLiteral("applied_level"), r.appliedLevel},
        {QStringLiteral("applied_versions"), QJsonArray::fromStringList(r.appliedVersions)},
        {QStringLiteral("pending_versions"), QJsonArray::fromStringList(r.pendingVersions)},
        {QStringLiteral("failed_version"), r.failedVersion},
        {QStringLiteral("drifted_objects"), QJsonArray::fromStringList(r.driftedObjects)},
        {QStringLiteral("left_out"), QJsonArray::fromStringList(r.leftOut)},
        {QStringLiteral("duration_ms"), r.durationMs},
        {QStringLiteral("lock_attempts"), LockAttemptJson::of(r.lockAttempts)}};
    QJsonArray backfills;
    for (const BackfillProgress &b : r.backfills)
        backfills << b.toJson();
    o.insert(QStringLiteral("backfills"), backfills);
    if (!r.forecast.isEmpty())
        o.insert(QStringLiteral("forecast"), r.forecast);
    o.insert(QStringLiteral("error"),
             r.error.isSet() ? QJsonValue(errorJson(r.error)) : QJsonValue(QJsonValue::Null));
    return o;
}

QJsonObject FleetJson::summary(const FleetSummary &s)
{
    using S = FleetTargetResult::State;
    QJsonObject o{{QStringLiteral("total"), int(s.results.size())},
                  {QStringLiteral("duration_ms"), s.durationMs},
                  {QStringLiteral("cancelled"), s.cancelled}};
    for (S state : FleetTargetResult::states())
        o.insert(FleetTargetResult::stateName(state), s.count(state));
    if (!s.refusal.isEmpty())
        o.insert(QStringLiteral("refusal"), s.refusal);
    return o;
}

QJsonObject FleetJson::document(const FleetSummary &s)
{
    QJsonArray targets;
    for (const FleetTargetResult &r : s.results)
        targets.append(target(r));
    return {{QStringLiteral("command"), s.command},
            {QStringLiteral("ok"), s.ok()},
            {QStringLiteral("targets"), targets},
            {QStringLiteral("summary"), summary(s)}};
}

} // namespace uaip
