#pragma once

#include "analyticsrange.h"
#include "analyticsrangebar.h"
#include "browse/columnfilter.h"
#include "db/sessionspec.h"
#include "metrics/metricspanel.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateTimeEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace uaip {

class AnalyticsPanel;
class AnalyticsPanelGrid;
class Job;
class MetricsJob;
class WorkerPool;
class TimeZoneBox;

// The Analytics view: five panels over one time range (presets, a custom range, drag to zoom
// and back), every query a Job on the view's own WorkerPool (kSessions sessions: the panels
// answer side by side) with progress and Cancel; a new range cancels what still runs. A click on a
// point asks for the rows behind it (showRowsRequested, for the Entities view). The bar over the
// panels is an AnalyticsRangeBar, the panels are in an AnalyticsPanelGrid, the range and its
// history an AnalyticsRange.
class AnalyticsView : public QWidget
{
    Q_OBJECT
public:
    enum Preset {
        LastHour,
        Last6Hours,
        Last24Hours,
        Last7Days,
        Last30Days,
        Last90Days,
        All,
        Custom
    };

    explicit AnalyticsView(QWidget *parent = nullptr);
    ~AnalyticsView() override;

    // std::nullopt: not connected (or the password is not known yet).
    void setTarget(const std::optional<SessionSpec> &spec);
    // Reads the measurements again (new data was loaded), then queries every panel.
    void reload();

    void choosePreset(Preset preset);
    // Shows [from, to) (from < to, else a message and nothing changes); the previous range is
    // kept for Back (with its preset: Back to a preset's range shows that preset again).
    // Returns false on bad input.
    bool setRange(const QDateTime &from, const QDateTime &to);
    bool back();
    // The range is a zoom (a drag on a chart): buckets follow the width only.
    bool isZoomed() const { return m_range.isZoomed(); }
    void cancel();
    void refresh();

    QDateTime from() const { return m_range.from(); }
    QDateTime to() const { return m_range.to(); }
    QString timeZone() const { return m_range.zone(); }
    // Makes zone (an IANA id of the picker's list) the buckets' and the range's zone, stores it
    // in QSettings and queries again; false (nothing changes) for a zone that does not exist.
    bool setTimeZone(const QString &zone);
    bool isBusy() const { return !m_running.isEmpty(); }
    AnalyticsPanel *panel(MetricsPanel panel) const;
    QString statusText() const;
    QComboBox *presetBox() const { return m_bar.presetBox(); }
    QDateTimeEdit *fromEdit() const { return m_bar.fromEdit(); }
    QDateTimeEdit *toEdit() const { return m_bar.toEdit(); }
    QPushButton *applyButton() const { return m_bar.applyButton(); }
    QPushButton *cancelButton() const { return m_bar.cancelButton(); }
    QToolButton *backButton() const { return m_bar.backButton(); }
    TimeZoneBox *timeZoneBox() const { return m_bar.zoneBox(); }
    // The sessions' backends (0 for one not connected yet): for tests.
    QList<int> backendPids() const;
    // Sessions the view queries on at once. A 90-day range change of the whole dashboard to
    // painted (bench_dashboard_chart, 10M rows, 2 cores) took 367-399 ms on one session,
    // 239-284 ms on two and 247-269 ms on three: two, one connection more than a lone panel.
    static constexpr int kSessions = 2;

signals:
    void showRowsRequested(const QString &schema, const QString &table,
                           const QList<uaip::ColumnFilter> &filters);
    void jobStarted(uaip::Job *job);
    // Every panel query of the current range has ended (ok, failed or cancelled).
    void refreshFinished();

private:
    void applyCustom();
    // remember: keep the current range (and its preset) for Back; zoom: the range is a drag
    // on a chart (buckets may then be finer than the data's sampling interval).
    void goTo(const QDateTime &from, const QDateTime &to, bool remember, bool zoom = false);
    void loadChoices();
    void query(AnalyticsPanel *panel);
    void onQueryFinished(MetricsJob *job);
    void loadSeriesList(AnalyticsPanel *panel);
    // Asks again the visible panels whose plot width now gives another bucket than the width
    // they were asked at (the view queried while hidden, before its first layout; a resize).
    void requeryAtNewWidth();
    void updateBusy();
    void setStatus(const QString &text);
    void onZoneChanged(const QString &zone);

    AnalyticsRange m_range;
    quint64 m_generation = 0;
    bool m_choicesLoaded = false;
    bool m_posting = false; // refresh() posts the panels' queries: one refreshFinished at the end
    WorkerPool *m_pool = nullptr;
    QHash<AnalyticsPanel *, QPointer<MetricsJob>> m_running;
    QHash<AnalyticsPanel *, int> m_queriedWidth; // the widthPx of each panel's last query
    QTimer *m_widthTimer; // a layout pass's resizes, then requeryAtNewWidth()

    AnalyticsRangeBar m_bar;
    AnalyticsPanelGrid *m_grid = nullptr;
};

} // namespace uaip
