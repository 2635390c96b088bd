#pragma once

#include "insights/workloadhistoryseries.h"

#include <QChartView>
#include <QList>
#include <QPointF>

class QValueAxis;

namespace uaip {

// One chart of the Health view's History tab (Qt Charts): one or two values over time, each
// drawn as a line per segment (a counter reset cuts it: HistorySegments), the first on the left
// axis, the second on the right, and each migration of the window a dashed vertical marker
// labelled with its version on the time axis.
class HistoryChart : public QChartView
{
    Q_OBJECT
public:
    struct Line
    {
        QString name;
        // x: ms since the epoch; one list a segment
        QList<QList<QPointF>> segments;
    };

    explicit HistoryChart(QWidget *parent = nullptr);

    // Draws left (and right, when it has a name) over [fromMs, toMs] with the migrations.
    void plot(const QString &title, const Line &left, const Line &right,
              const QList<WorkloadHistorySeries::Migration> &migrations, qint64 fromMs,
              qint64 toMs);
    // Nothing drawn; the title says why.
    void clearWith(const QString &title);

    // What is drawn: the values' lines (a segment each) and the versions of the migrations
    // marked, in order (migrations a moment apart share one marker).
    int lineCount() const { return m_lines; }
    const QStringList &markerLabels() const { return m_markers; }

private:
    // The line's segments on the axis; the highest value.
    double addLine(const Line &line, QValueAxis *axis, const QColor &color, bool named);
    // One marker at x for the migrations of a moment (their versions as its label; a rollback
    // with its undo sign).
    void addMarker(qint64 x, const QStringList &labels, QValueAxis *axis, double top);
    void addMarkers(const QList<WorkloadHistorySeries::Migration> &migrations, QValueAxis *axis,
                    qint64 fromMs, qint64 toMs);
    void reset();

    int m_lines = 0;
    QStringList m_markers;
};

} // namespace uaip
