#include "explainplan.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace uaip {

namespace {

constexpr double kMisestimate = 10.0;

// The first condition of the node and its key ("Filter", "Index Cond", ...).
QString conditionOf(const QJsonObject &plan, QString *kind)
{
    for (const char *key :
         {"Hash Cond", "Merge Cond", "Index Cond", "Join Filter", "Recheck Cond", "Filter"}) {
        const QString value = plan.value(QLatin1String(key)).toString();
        if (!value.isEmpty()) {
            *kind = QLatin1String(key);
            return value;
        }
    }
    return {};
}

qint64 blocks(const QJsonObject &plan, const char *key)
{
    return plan.value(QLatin1String(key)).toVariant().toLongLong();
}

} // namespace

Result<ExplainPlan> ExplainPlan::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject top = doc.isArray() ? doc.array().first().toObject() : doc.object();
    const QJsonObject root = top.value(u"Plan").toObject();
    if (root.isEmpty())
        return Error(ErrorCode::BadInput,
                     parseError.error != QJsonParseError::NoError
                         ? parseError.errorString()
                         : QStringLiteral("no \"Plan\" in the EXPLAIN output"));
    ExplainPlan plan;
    plan.m_json = json;
    plan.m_analyzed = root.contains(u"Actual Loops");
    plan.m_buffers = root.contains(u"Shared Hit Blocks");
    plan.m_planningMs = top.value(u"Planning Time").toDouble();
    plan.m_executionMs = top.value(u"Execution Time").toDouble();
    plan.addNode(root, -1, 0, 1);

    // Top down (a parent's id is below its children's): what each node is expected to run. A
    // Limit passes on the share of its input it expects to read; other nodes their own.
    for (PlanNode &n : plan.m_nodes) {
        if (n.parent >= 0) {
            const PlanNode &p = plan.m_nodes.at(n.parent);
            n.runFraction = p.runFraction;
            if (p.nodeType == u"Limit" && n.totalCost > n.startupCost)
                n.runFraction = std::clamp(
                    (p.expectedCost - n.startupCost) / (n.totalCost - n.startupCost), 0.0, 1.0);
        }
        n.expectedCost = n.startupCost + (n.totalCost - n.startupCost) * n.runFraction;
    }
    for (qsizetype i = plan.m_nodes.size() - 1; i >= 0; --i) {
        PlanNode &n = plan.m_nodes[i];
        double childMs = 0;
        double childCost = 0;
        for (int c : std::as_const(n.children)) {
            childMs += plan.m_nodes.at(c).inclusiveMs;
            childCost += plan.m_nodes.at(c).expectedCost;
        }
        n.exclusiveMs = std::max(0.0, n.inclusiveMs - childMs);
        n.exclusiveCost = std::max(0.0, n.expectedCost - childCost);
    }
    return plan;
}

void ExplainPlan::addNode(const QJsonObject &json, int parent, int depth, int processes)
{
    PlanNode n;
    n.id = int(m_nodes.size());
    n.parent = parent;
    n.depth = depth;
    n.nodeType = json.value(u"Node Type").toString();
    n.relation = json.value(u"Relation Name").toString();
    n.alias = json.value(u"Alias").toString();
    n.indexName = json.value(u"Index Name").toString();
    n.joinType = json.value(u"Join Type").toString();
    n.parentRelationship = json.value(u"Parent Relationship").toString();
    n.subplanName = json.value(u"Subplan Name").toString();
    n.condition = conditionOf(json, &n.conditionKind);
    n.startupCost = json.value(u"Startup Cost").toDouble();
    n.totalCost = json.value(u"Total Cost").toDouble();
    n.planRows = json.value(u"Plan Rows").toDouble();
    n.planWidth = json.value(u"Plan Width").toInt();
    n.actualStartupMs = json.value(u"Actual Startup Time").toDouble();
    n.actualTotalMs = json.value(u"Actual Total Time").toDouble();
    n.actualRows = json.value(u"Actual Rows").toDouble();
    n.loops = json.value(u"Actual Loops").toDouble();
    n.neverExecuted = m_analyzed && n.loops == 0;
    n.workersLaunched = json.value(u"Workers Launched").toInt();
    n.rowsRemovedByFilter = json.value(u"Rows Removed by Filter").toDouble();
    n.sharedHit = blocks(json, "Shared Hit Blocks");
    n.sharedRead = blocks(json, "Shared Read Blocks");
    n.sharedDirtied = blocks(json, "Shared Dirtied Blocks");
    n.sharedWritten = blocks(json, "Shared Written Blocks");
    n.tempRead = blocks(json, "Temp Read Blocks");
    n.tempWritten = blocks(json, "Temp Written Blocks");
    n.inclusiveMs = n.actualTotalMs * n.loops / std::max(1, processes);
    if (m_analyzed && !n.neverExecuted) {
        n.estimateRatio = std::max(n.actualRows, 1.0) / std::max(n.planRows, 1.0);
        n.misestimated = n.misestimateFactor() >= kMisestimate;
    }
    m_nodes.append(n);
    if (parent >= 0)
        m_nodes[parent].children.append(n.id);

    // Below a Gather the loops of a node are spread over the processes that run in parallel.
    int below = processes;
    if (n.nodeType == u"Gather" || n.nodeType == u"Gather Merge")
        below = n.workersLaunched + 1;
    const QJsonArray plans = json.value(u"Plans").toArray();
    for (const QJsonValue &child : plans)
        addNode(child.toObject(), n.id, depth + 1, below);
}

double ExplainPlan::total() const
{
    if (m_nodes.isEmpty())
        return 0;
    return m_analyzed ? m_nodes.first().inclusiveMs : m_nodes.first().totalCost;
}

double ExplainPlan::exclusive(int id) const
{
    const PlanNode &n = m_nodes.at(id);
    return m_analyzed ? n.exclusiveMs : n.exclusiveCost;
}

QList<int> ExplainPlan::byExclusive() const
{
    QList<int> ids;
    for (const PlanNode &n : m_nodes)
        ids.append(n.id);
    std::stable_sort(ids.begin(), ids.end(),
                     [this](int a, int b) { return exclusive(a) > exclusive(b); });
    return ids;
}

int ExplainPlan::mostExpensive() const
{
    return m_nodes.isEmpty() ? -1 : byExclusive().first();
}

QList<int> ExplainPlan::misestimates() const
{
    QList<int> ids;
    for (const PlanNode &n : m_nodes)
        if (n.misestimated)
            ids.append(n.id);
    std::stable_sort(ids.begin(), ids.end(), [this](int a, int b) {
        return m_nodes.at(a).misestimateFactor() > m_nodes.at(b).misestimateFactor();
    });
    return ids;
}

} // namespace uaip
