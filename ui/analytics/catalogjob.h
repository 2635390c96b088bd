#pragma once

#include "jobs/job.h"
#include "metrics/metricscatalog.h"
#include "metrics/metricsrequest.h"

#include <QDateTime>
#include <QHash>
#include <optional>

namespace uaip {

// The Analytics view's look-ups on the worker's session: the measurements of the Persona and
// Capability panels (what exists), the series of one panel in a range (for the multi-select),
// or the time extent of the five metric tables (for the "All" preset).
class CatalogJob : public Job
{
    Q_OBJECT
public:
    enum class Kind { Choices, Series, Extent };

    static CatalogJob *forChoices(QObject *parent = nullptr);
    static CatalogJob *forSeries(const MetricsRequest &request, QObject *parent = nullptr);
    static CatalogJob *forExtent(QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    const MetricsRequest &request() const { return m_request; }
    // Kind::Choices: per panel (Persona, Capability).
    const QHash<MetricsPanel, QList<MetricsChoice>> &choices() const { return m_choices; }
    const MetricsCatalog::SeriesList &seriesList() const { return m_series; }
    // Kind::Extent: the first and last time with rows; nullopt when every table is empty.
    std::optional<QDateTime> first() const { return m_first; }
    std::optional<QDateTime> last() const { return m_last; }

protected:
    Result<QString> execute(JobContext &context) override;

private:
    CatalogJob(Kind kind, const MetricsRequest &request, QObject *parent);

    Kind m_kind;
    MetricsRequest m_request;
    QHash<MetricsPanel, QList<MetricsChoice>> m_choices;
    MetricsCatalog::SeriesList m_series;
    std::optional<QDateTime> m_first;
    std::optional<QDateTime> m_last;
};

} // namespace uaip
