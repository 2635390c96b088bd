#include "analyticsview.h"

#include "analyticspanel.h"
#include "analyticspanelgrid.h"
#include "catalogjob.h"
#include "jobs/workerpool.h"
#include "metrics/metricsbucket.h"
#include "metricsjob.h"
#include "timezonebox.h"
#include "widgets/flowlayout.h"
#include "widgets/localeformat.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace uaip {

namespace {

constexpr const char *kZoneSetting = "analytics/timeZone";

} // namespace

AnalyticsView::AnalyticsView(QWidget *parent)
    : QWidget(parent)
    , m_range(TimeZoneBox::systemZone())
    , m_widthTimer(new QTimer(this))
    , m_bar(this)
{
    setObjectName(QStringLiteral("analyticsView"));
    // The zone of the last session if it still exists, else the system's.
    if (m_bar.zoneBox()->setZone(QSettings().value(QLatin1String(kZoneSetting)).toString()))
        m_range.setZone(m_bar.zoneBox()->zone());
    else
        m_bar.zoneBox()->setZone(m_range.zone());

    m_grid = new AnalyticsPanelGrid(this);
    for (AnalyticsPanel *p : m_grid->panels()) {
        connect(p, &AnalyticsPanel::changed, this, [this, p] { query(p); });
        connect(p, &AnalyticsPanel::zoomRequested, this,
                [this](const QDateTime &f, const QDateTime &t) { goTo(f, t, true, true); });
        connect(p, &AnalyticsPanel::seriesListRequested, this, [this, p] { loadSeriesList(p); });
        connect(p, &AnalyticsPanel::rowsRequested, this, &AnalyticsView::showRowsRequested);
        connect(p, &AnalyticsPanel::plotWidthChanged, m_widthTimer, qOverload<>(&QTimer::start));
    }
    // The plot is wider or narrower now: ask again at its new width.
    connect(m_grid, &AnalyticsPanelGrid::maximised, this, [this](AnalyticsPanel *p, bool on) {
        if (on)
            query(p);
        else
            refresh();
    });
    m_widthTimer->setSingleShot(true);
    m_widthTimer->setInterval(0);
    connect(m_widthTimer, &QTimer::timeout, this, &AnalyticsView::requeryAtNewWidth);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    // Always there, so a growing legend never narrows the plots (the bucket follows the width).
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(m_bar.layout());
    layout->addWidget(scroll, 1);

    connect(m_bar.presetBox(), &QComboBox::activated, this,
            [this](int index) { choosePreset(Preset(index)); });
    connect(m_bar.applyButton(), &QPushButton::clicked, this, &AnalyticsView::applyCustom);
    connect(m_bar.backButton(), &QToolButton::clicked, this, &AnalyticsView::back);
    connect(m_bar.cancelButton(), &QPushButton::clicked, this, &AnalyticsView::cancel);
    connect(m_bar.zoneBox(), &TimeZoneBox::zoneChanged, this, &AnalyticsView::onZoneChanged);

    m_bar.presetBox()->setCurrentIndex(Last7Days);
    const QDateTime end = m_range.now();
    m_range.go(end.addDays(-7), end, false, false, Last7Days);
    m_bar.showRange(m_range.from(), m_range.to(), m_range.zone());
    updateBusy();
    setStatus(tr("Not connected."));
}

AnalyticsView::~AnalyticsView()
{
    delete m_pool; // retires its workers: never waits
}

AnalyticsPanel *AnalyticsView::panel(MetricsPanel panel) const
{
    return m_grid->panel(panel);
}

QString AnalyticsView::statusText() const
{
    return m_bar.status()->text();
}

QList<int> AnalyticsView::backendPids() const
{
    return m_pool ? m_pool->backendPids() : QList<int>();
}

void AnalyticsView::setStatus(const QString &text)
{
    m_bar.status()->setText(text); // elided where it does not fit, whole in the tool tip
}

void AnalyticsView::setTarget(const std::optional<SessionSpec> &spec)
{
    delete m_pool; // cancels what runs; its answers go nowhere
    m_pool = nullptr;
    m_running.clear();
    ++m_generation;
    m_choicesLoaded = false;
    updateBusy();
    m_bar.applyButton()->setEnabled(false); // nothing to query until connected
    if (!spec) {
        for (AnalyticsPanel *p : m_grid->panels())
            p->setMessage(tr("Not connected."));
        setStatus(tr("Not connected."));
        return;
    }
    m_pool = new WorkerPool(spec->withPurpose(QStringLiteral("analytics")),
                            QStringLiteral("analytics"), kSessions, this);
    m_bar.applyButton()->setEnabled(true);
    loadChoices();
}

void AnalyticsView::reload()
{
    if (!m_pool)
        return;
    ++m_generation;
    m_pool->cancelAll();
    m_running.clear();
    m_choicesLoaded = false;
    loadChoices();
}

void AnalyticsView::loadChoices()
{
    auto *job = CatalogJob::forChoices();
    const quint64 generation = m_generation;
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation != m_generation)
            return;
        if (!ok) {
            setStatus(tr("Cannot read the measurements: %1").arg(summary));
            for (AnalyticsPanel *p : m_grid->panels())
                p->setMessage(summary);
            return;
        }
        m_choicesLoaded = true;
        m_grid->setChoices(job->choices());
        refresh();
    });
    setStatus(tr("Reading the measurements…"));
    m_pool->post(job);
    emit jobStarted(job);
}

void AnalyticsView::choosePreset(Preset preset)
{
    m_bar.presetBox()->setCurrentIndex(preset);
    const QDateTime end = m_range.now();
    switch (preset) {
    case LastHour:
        return goTo(end.addSecs(-3600), end, false);
    case Last6Hours:
        return goTo(end.addSecs(-6 * 3600), end, false);
    case Last24Hours:
        return goTo(end.addDays(-1), end, false);
    case Last7Days:
        return goTo(end.addDays(-7), end, false);
    case Last30Days:
        return goTo(end.addDays(-30), end, false);
    case Last90Days:
        return goTo(end.addDays(-90), end, false);
    case Custom:
        m_bar.fromEdit()->setFocus();
        return;
    case All:
        break;
    }
    if (!m_pool)
        return setStatus(tr("Not connected."));
    auto *job = CatalogJob::forExtent();
    const quint64 generation = ++m_generation;
    m_pool->cancelAll();
    connect(job, &Job::finished, this, [this, job, generation](bool ok, const QString &summary) {
        if (generation != m_generation)
            return;
        if (!ok)
            return setStatus(tr("Cannot read the time extent: %1").arg(summary));
        if (!job->first())
            return setStatus(tr("No data in any metric table."));
        const QTimeZone zone(m_range.zone().toUtf8());
        // To just after the last row ([from, to) leaves the end out), at whole minutes.
        QDateTime last = job->last()->toTimeZone(zone).addSecs(60);
        last.setTime(QTime(last.time().hour(), last.time().minute()));
        QDateTime first = job->first()->toTimeZone(zone);
        first.setTime(QTime(first.time().hour(), first.time().minute()));
        goTo(first, last, false);
    });
    setStatus(tr("Finding the first and last rows…"));
    m_pool->post(job);
}

bool AnalyticsView::setTimeZone(const QString &zone)
{
    if (zone == m_range.zone())
        return true;
    if (!m_bar.zoneBox()->setZone(zone))
        return false;
    onZoneChanged(m_bar.zoneBox()->zone());
    return true;
}

void AnalyticsView::onZoneChanged(const QString &zone)
{
    QSettings().setValue(QLatin1String(kZoneSetting), zone);
    m_range.setZone(zone);
    m_bar.showRange(m_range.from(), m_range.to(), m_range.zone());
    refresh();
}

void AnalyticsView::applyCustom()
{
    const auto [from, to] = m_bar.editedRange(m_range.zone());
    if (setRange(from, to))
        m_bar.presetBox()->setCurrentIndex(Custom);
}

bool AnalyticsView::setRange(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || from >= to) {
        setStatus(tr("The range is empty: From (%1) must be before To (%2).")
                      .arg(LocaleFormat::dateTime(from, false), LocaleFormat::dateTime(to, false)));
        return false;
    }
    goTo(from, to, true);
    return true;
}

bool AnalyticsView::back()
{
    const std::optional<AnalyticsRange::Visit> v = m_range.back();
    if (!v)
        return false;
    m_bar.presetBox()->setCurrentIndex(v->preset);
    goTo(v->from, v->to, false, v->zoom);
    return true;
}

void AnalyticsView::goTo(const QDateTime &from, const QDateTime &to, bool remember, bool zoom)
{
    m_range.go(from, to, remember, zoom, m_bar.presetBox()->currentIndex());
    m_bar.showRange(m_range.from(), m_range.to(), m_range.zone());
    if (remember)
        m_bar.presetBox()->setCurrentIndex(Custom);
    refresh();
}

void AnalyticsView::refresh()
{
    ++m_generation;
    if (m_pool)
        m_pool->cancelAll(); // a new range: what still runs is of no use
    m_running.clear();
    if (!m_pool) {
        updateBusy();
        return;
    }
    if (!m_choicesLoaded) {
        // Not read yet, or the read failed (a schema without the metrics tables): read them
        // again, which refreshes when it is done.
        loadChoices();
        updateBusy();
        return;
    }
    m_posting = true;
    for (AnalyticsPanel *p : m_grid->panels())
        if (p->isVisible() || !isVisible())
            query(p);
    m_posting = false;
    updateBusy();
}

void AnalyticsView::query(AnalyticsPanel *panel)
{
    if (!m_pool)
        return;
    if (const QPointer<MetricsJob> old = m_running.take(panel); old)
        old->cancel(); // the panel's previous question is of no use any more
    if (!panel->hasMeasure())
        return updateBusy();
    MetricsRequest request = panel->request(m_range.from(), m_range.to(), m_range.zone());
    request.bucketAtLeastSampling = !m_range.isZoomed();
    m_queriedWidth.insert(panel, request.widthPx);
    auto *job = new MetricsJob(request, m_generation);
    connect(job, &Job::finished, this, [this, job] { onQueryFinished(job); });
    m_running.insert(panel, job);
    panel->setRunning(tr("querying…"));
    m_pool->post(job);
    emit jobStarted(job);
    updateBusy();
}

void AnalyticsView::onQueryFinished(MetricsJob *job)
{
    AnalyticsPanel *panel = this->panel(job->request().panel);
    if (job->generation() != m_generation || m_running.value(panel) != job)
        return; // a range or request since then
    m_running.remove(panel);
    panel->setResult(job->request(), job->result());
    updateBusy();
}

void AnalyticsView::requeryAtNewWidth()
{
    if (!m_pool || !m_choicesLoaded || !isVisible())
        return;
    QList<AnalyticsPanel *> stale;
    for (AnalyticsPanel *p : m_grid->panels()) {
        const auto asked = m_queriedWidth.constFind(p);
        if (!p->isVisible() || !p->hasMeasure() || asked == m_queriedWidth.cend())
            continue;
        const int width = p->request(m_range.from(), m_range.to(), m_range.zone()).widthPx;
        if (MetricsBucketChooser::choose(m_range.from(), m_range.to(), width)
            != MetricsBucketChooser::choose(m_range.from(), m_range.to(), *asked))
            stale.append(p);
    }
    if (stale.isEmpty())
        return;
    m_posting = true; // one refreshFinished when they have all answered
    for (AnalyticsPanel *p : std::as_const(stale))
        query(p);
    m_posting = false;
    updateBusy();
}

void AnalyticsView::loadSeriesList(AnalyticsPanel *panel)
{
    if (!m_pool || !panel->hasMeasure())
        return;
    auto *job = CatalogJob::forSeries(panel->request(m_range.from(), m_range.to(), m_range.zone()));
    const quint64 generation = m_generation;
    connect(job, &Job::finished, this, [this, job, panel, generation](bool ok, const QString &) {
        if (generation != m_generation)
            return;
        if (!ok)
            return setStatus(job->seriesList().error.toString());
        panel->setSeriesList(job->seriesList().series);
    });
    m_pool->post(job);
}

void AnalyticsView::cancel()
{
    if (!m_pool)
        return;
    m_pool->cancelAll();
    // The cancelled jobs still answer (Cancelled); the panels say so.
    setStatus(tr("Cancelling…"));
}

void AnalyticsView::updateBusy()
{
    const bool busy = !m_running.isEmpty();
    m_bar.showBusy(busy, m_range.canGoBack());
    if (busy) {
        setStatus(tr("Querying %n panel(s)…", nullptr, int(m_running.size())));
    } else if (m_pool && m_choicesLoaded && !m_posting) {
        setStatus(QString());
        emit refreshFinished();
    }
}

} // namespace uaip
