#pragma once

#include "analyticschart.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QList>
#include <QPalette>
#include <QSize>
#include <QString>
#include <QStringList>

namespace uaip {

// A panel's Export PNG: the chart drawn again at the size asked for (an AnalyticsChart of its
// own, not a grab of the panel with its combo boxes), under the title and the time range,
// above the whole legend (every series, drawn or not, with its statistics).
class AnalyticsPngExport
{
public:
    struct Row
    {
        QColor color;
        QString label;
        QStringList cells; // Min, Max, Mean, Last as shown
    };
    struct Content
    {
        QString title;
        QString range; // "from to to (zone), bucket b"
        QString legendHeader; // what the statistics are of
        QStringList columns; // Series, Min, Max, Mean, Last
        QList<Row> rows;
        // The panel chart's colours (AnalyticsChart::colourSlots()): the series drawn as
        // coloured there and in the rows.
        QHash<QString, int> colourSlots;
    };

    static QImage render(const Content &content, const QSize &size, const MetricsRequest &request,
                         const MetricsResult &result, MetricsMeasure::Value value,
                         const QList<bool> &hidden, const QPalette &palette);
};

} // namespace uaip
