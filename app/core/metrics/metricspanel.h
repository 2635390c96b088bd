#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// The five panels of the analytics dashboard, each backed by one table.
enum class MetricsPanel {
    Persona, // persona_analytics: one series per persona, for one metric type/name
    Capability, // agent_capability_metrics: one series per agent, for one capability
    Tools, // tool_usage_records: one series per tool (execution time; calls; success rate)
    Interactions, // ai_interactions: one series per model (tokens or response time; failure rate)
    Tokens, // token_consumption: one series per model and organisation (tokens or cost per day)
};

// The word the CLI and the SQL resource names use: persona, capability, tools, interactions,
// tokens.
QString metricsPanelName(MetricsPanel panel);
std::optional<MetricsPanel> metricsPanelFromName(const QString &name);
QStringList metricsPanelNames();

// Where a panel's rows live, for the click-through to the Entities view: the table, its time
// column (timestamptz; for Tokens the date column usage_date) and the columns a series key
// is made of (Tokens: model and organization_id; the key is "model|organisation uuid").
QString metricsPanelTable(MetricsPanel panel);
QString metricsPanelTimeColumn(MetricsPanel panel);
// The start of the period a row measures (Persona: time_period_start, Capability:
// measurement_period_start), by which the series buckets a row that has one; empty for the
// other panels.
QString metricsPanelPeriodColumn(MetricsPanel panel);
QStringList metricsPanelKeyColumns(MetricsPanel panel);

} // namespace uaip
