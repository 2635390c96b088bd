#include "explainsummary.h"

#include <QJsonArray>

namespace uaip {

namespace {

QString number(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}

QString share(const ExplainPlan &plan, const PlanNode &node)
{
    const double total = plan.total();
    return total > 0 ? number(100.0 * plan.exclusive(node.id) / total, 1) : QStringLiteral("0");
}

} // namespace

QString ExplainSummary::nodeLine(const ExplainPlan &plan, const PlanNode &node)
{
    QString line = QStringLiteral("#%1 %2  ").arg(node.id).arg(node.label());
    if (plan.analyzed()) {
        line += tr("%1 ms (%2 %)").arg(number(node.exclusiveMs, 3), share(plan, node));
        if (node.neverExecuted) {
            line += QStringLiteral("  ") + tr("never executed");
        } else {
            line += QStringLiteral("  ")
                + tr("rows %1 of %2 estimated")
                      .arg(number(node.actualRows, 0), number(node.planRows, 0));
            if (node.misestimated)
                line += u' '
                    + (node.estimateRatio > 1 ? tr("(%1x under)") : tr("(%1x over)"))
                          .arg(number(node.misestimateFactor(), 0));
            line += QStringLiteral("  ") + tr("loops %1").arg(number(node.loops, 0));
        }
        if (plan.hasBuffers())
            line += QStringLiteral("  ")
                + tr("buffers hit %1 read %2").arg(node.sharedHit).arg(node.sharedRead);
    } else {
        line += tr("cost %1 (%2 %)").arg(number(node.exclusiveCost), share(plan, node));
        line += QStringLiteral("  ") + tr("rows %1 estimated").arg(number(node.planRows, 0));
    }
    return line;
}

QString ExplainSummary::text(const ExplainResult &result, int top)
{
    const ExplainPlan &plan = result.plan;
    QString out;
    if (plan.analyzed())
        out += tr("Plan: %n node(s), planning %1 ms, execution %2 ms", nullptr,
                  int(plan.nodes().size()))
                   .arg(number(plan.planningMs(), 3), number(plan.executionMs(), 3));
    else
        out += tr("Plan: %n node(s), total cost %1 (estimates only; --analyze runs it)", nullptr,
                  int(plan.nodes().size()))
                   .arg(number(plan.total()));
    out += u'\n';
    if (result.rolledBack)
        out += tr("ANALYZE ran it in a transaction that was rolled back.") + u'\n';
    out += (plan.analyzed() ? tr("Top nodes by exclusive time:")
                            : tr("Top nodes by exclusive cost:"))
        + u'\n';
    const QList<int> ids = plan.byExclusive();
    for (qsizetype i = 0; i < ids.size() && i < top; ++i)
        out += QStringLiteral("  ") + nodeLine(plan, plan.nodes().at(ids.at(i))) + u'\n';
    if (plan.analyzed()) {
        const QList<int> off = plan.misestimates();
        if (off.isEmpty()) {
            out += tr("No row estimate is off by 10x or more.") + u'\n';
        } else {
            out += tr("Row estimates off by 10x or more:") + u'\n';
            for (int id : off)
                out += QStringLiteral("  ") + nodeLine(plan, plan.nodes().at(id)) + u'\n';
        }
    }
    return out;
}

QJsonObject ExplainSummary::json(const ExplainResult &result, int top)
{
    const ExplainPlan &plan = result.plan;
    QJsonArray nodes;
    for (const PlanNode &n : plan.nodes()) {
        QJsonObject o;
        o[u"id"] = n.id;
        o[u"parent"] = n.parent;
        o[u"node_type"] = n.nodeType;
        o[u"label"] = n.label();
        if (!n.relation.isEmpty())
            o[u"relation"] = n.relation;
        if (!n.condition.isEmpty())
            o[u"condition"] = n.condition;
        o[u"total_cost"] = n.totalCost;
        o[u"exclusive_cost"] = n.exclusiveCost;
        o[u"plan_rows"] = n.planRows;
        if (plan.analyzed()) {
            o[u"actual_rows"] = n.actualRows;
            o[u"loops"] = n.loops;
            o[u"inclusive_ms"] = n.inclusiveMs;
            o[u"exclusive_ms"] = n.exclusiveMs;
            o[u"estimate_ratio"] = n.estimateRatio;
            o[u"misestimated"] = n.misestimated;
            o[u"never_executed"] = n.neverExecuted;
        }
        if (plan.hasBuffers()) {
            QJsonObject b;
            b[u"shared_hit"] = n.sharedHit;
            b[u"shared_read"] = n.sharedRead;
            b[u"shared_dirtied"] = n.sharedDirtied;
            b[u"shared_written"] = n.sharedWritten;
            b[u"temp_read"] = n.tempRead;
            b[u"temp_written"] = n.tempWritten;
            o[u"buffers"] = b;
        }
        nodes.append(o);
    }
    QJsonArray topIds;
    const QList<int> ids = plan.byExclusive();
    for (qsizetype i = 0; i < ids.size() && i < top; ++i)
        topIds.append(ids.at(i));
    QJsonArray off;
    for (int id : plan.misestimates())
        off.append(id);
    QJsonObject o;
    o[u"analyzed"] = plan.analyzed();
    o[u"rolled_back"] = result.rolledBack;
    o[u"planning_ms"] = plan.planningMs();
    if (plan.analyzed())
        o[u"execution_ms"] = plan.executionMs();
    o[u"total"] = plan.total();
    o[u"most_expensive"] = plan.mostExpensive();
    o[u"top"] = topIds;
    o[u"misestimates"] = off;
    o[u"nodes"] = nodes;
    return o;
}

} // namespace uaip
