#include "metricspanel.h"

#include <array>

namespace uaip {

namespace {

struct PanelInfo
{
    MetricsPanel panel;
    const char *name;
    const char *table;
    const char *timeColumn;
};

constexpr std::array<PanelInfo, 5> kPanels{{
    {MetricsPanel::Persona, "persona", "persona_analytics", "recorded_at"},
    {MetricsPanel::Capability, "capability", "agent_capability_metrics", "recorded_at"},
    {MetricsPanel::Tools, "tools", "tool_usage_records", "recorded_at"},
    {MetricsPanel::Interactions, "interactions", "ai_interactions", "created_at"},
    {MetricsPanel::Tokens, "tokens", "token_consumption", "usage_date"},
}};

const PanelInfo &info(MetricsPanel panel)
{
    return kPanels[std::size_t(panel)];
}

} // namespace

QString metricsPanelName(MetricsPanel panel)
{
    return QString::fromLatin1(info(panel).name);
}

std::optional<MetricsPanel> metricsPanelFromName(const QString &name)
{
    for (const PanelInfo &p : kPanels) {
        if (name == QLatin1String(p.name))
            return p.panel;
    }
    return std::nullopt;
}

QStringList metricsPanelNames()
{
    QStringList names;
    for (const PanelInfo &p : kPanels)
        names << QString::fromLatin1(p.name);
    return names;
}

QString metricsPanelTable(MetricsPanel panel)
{
    return QString::fromLatin1(info(panel).table);
}

QString metricsPanelTimeColumn(MetricsPanel panel)
{
    return QString::fromLatin1(info(panel).timeColumn);
}

QString metricsPanelPeriodColumn(MetricsPanel panel)
{
    switch (panel) {
    case MetricsPanel::Persona:
        return QStringLiteral("time_period_start");
    case MetricsPanel::Capability:
        return QStringLiteral("measurement_period_start");
    case MetricsPanel::Tools:
    case MetricsPanel::Interactions:
    case MetricsPanel::Tokens:
        break;
    }
    return {};
}

QStringList metricsPanelKeyColumns(MetricsPanel panel)
{
    switch (panel) {
    case MetricsPanel::Persona:
        return {QStringLiteral("persona_id")};
    case MetricsPanel::Capability:
        return {QStringLiteral("agent_id")};
    case MetricsPanel::Tools:
        return {QStringLiteral("tool_id")};
    case MetricsPanel::Interactions:
        return {QStringLiteral("model_used")};
    case MetricsPanel::Tokens:
        return {QStringLiteral("model"), QStringLiteral("organization_id")};
    }
    return {};
}

} // namespace uaip
