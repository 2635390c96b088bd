#pragma once

#include "error/error.h"
#include "metricschoice.h"
#include "metricspanel.h"
#include "metricsrequest.h"
#include "metricsseries.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

class PgConnection;

// What a panel can be asked for: its measurements (from what exists in the table for Persona
// and Capability) and its series in a range with their volume (for the multi-select).
class MetricsCatalog
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MetricsCatalog)
public:
    struct Choices
    {
        QList<MetricsChoice> choices;
        Error error; // set when the query failed
        bool ok() const { return !error.isSet(); }
    };
    struct SeriesList
    {
        QList<MetricsSeries> series; // key, label, volume; no points; by volume, largest first
        Error error; // bad input (BadInput) or the server's error
        bool ok() const { return !error.isSet(); }
    };

    explicit MetricsCatalog(PgConnection &connection);

    Choices choices(MetricsPanel panel);
    // Every series with rows in [from, to) of the request's panel and measurement (ignores
    // ids and topN).
    SeriesList series(const MetricsRequest &request);

private:
    SeriesList readSeries(const MetricsRequest &request);

    PgConnection &m_connection;
};

} // namespace uaip
