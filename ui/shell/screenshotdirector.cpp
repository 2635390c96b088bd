#include "screenshotdirector.h"

#include "analytics/analyticsview.h"
#include "browse/entitymodel.h"
#include "browser/entitiesview.h"
#include "browser/tabletree.h"
#include "db/pgconnection.h"
#include "db/session.h"
#include "db/sqlresource.h"
#include "demo/demodatajob.h"
#include "health/healthview.h"
#include "jobs/jobmanager.h"
#include "mainwindow.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationsview.h"
#include "migrations/migrationtablemodel.h"
#include "migrations/rollbackconfirmdialog.h"
#include "screenshotactivity.h"
#include "screenshotfleet.h"
#include "screenshotobjects.h"
#include "screenshotprompts.h"
#include "screenshotscratch.h"
#include "sql/planview.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <memory>

#include <cstdio>

namespace uaip {

namespace {
// The server's backends of this application's sessions (every one should be a Session's), not
// counting the connection that asks.
constexpr int kWatchdogMs = 5 * 60 * 1000;
constexpr qint64 kDemoMetricRows = 2000;
} // namespace

ScreenshotDirector::ScreenshotDirector(MainWindow *window, const QString &dir, QSize size,
                                       QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(dir)
    , m_size(size)
{ }

ScreenshotDirector::~ScreenshotDirector() = default;

void ScreenshotDirector::start()
{
    if (!QDir().mkpath(m_dir))
        return fail(tr("cannot create %1").arg(m_dir));
    MigrationsView *view = m_window->migrationsView();
    view->setConfirmer(this);
    m_window->resize(m_size);
    m_window->show();
    connect(view, &MigrationsView::refreshed, this, &ScreenshotDirector::onFirstRefresh);
    // The start page, as it shows until the sandbox's session is open.
    QTimer::singleShot(0, this, [this] {
        if (m_window->showsStartPage())
            save(m_window, QStringLiteral("start"));
    });
    QTimer::singleShot(kWatchdogMs, this,
                       [this] { fail(tr("gave up after %1 s").arg(kWatchdogMs / 1000)); });
}

void ScreenshotDirector::onFirstRefresh(bool ok)
{
    if (m_started)
        return;
    m_started = true;
    MigrationsView *view = m_window->migrationsView();
    if (!ok)
        return fail(view->bannerText());
    // Only a scratch database of the run's own is ever written (issue 60, point 3).
    const std::optional<SessionSpec> target = view->target();
    if (!target || !ScreenshotScratch::isScratch(target->profile.database))
        return fail(tr("refusing to render from %1: not a scratch database of this run")
                        .arg(target ? target->profile.database : QStringLiteral("-")));
    std::fprintf(stderr, "screenshot: rendering from the scratch database %s\n",
                 qPrintable(target->profile.database));
    const auto &statuses = view->model()->statuses();
    const bool pending = std::any_of(statuses.cbegin(), statuses.cend(), [](const auto &s) {
        return s.state == MigrationState::Pending;
    });
    if (!pending)
        return loadDemoData();
    std::fprintf(stderr, "screenshot: applying the bundled migrations to it\n");
    connect(
        view, &MigrationsView::runFinished, this,
        [this, view](bool runOk) {
            if (!runOk)
                return fail(view->bannerText());
            loadDemoData();
        },
        Qt::SingleShotConnection);
    view->actions()->applyAll->trigger();
}

void ScreenshotDirector::loadDemoData()
{
    const std::optional<SessionSpec> target = m_window->migrationsView()->target();
    if (!target)
        return fail(QStringLiteral("not connected to the sandbox"));
    auto *job = new DemoDataJob(kDemoMetricRows);
    connect(job, &Job::finished, this, [this](bool ok, const QString &summary) {
        // The demo data only makes the pictures livelier: without it they are still taken.
        std::fprintf(stderr, "screenshot: demo data: %s%s\n",
                     ok ? "" : "not loaded: ", qPrintable(summary));
        captureViews(0);
    });
    m_window->jobs()->start(job, target->withPurpose(QStringLiteral("demo data")));
}

void ScreenshotDirector::captureViews(int index)
{
    if (index >= MainWindow::ViewCount)
        return capturePreview();
    MigrationsView *view = m_window->migrationsView();
    if (index == MainWindow::Migrations) {
        const auto &statuses = view->model()->statuses();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i)
            if (statuses[i].isApplied()) {
                view->selectVersion(statuses[i].version);
                break;
            }
    }
    m_window->showView(MainWindow::View(index));
    m_window->resize(m_size);
    if (index == MainWindow::Entities)
        return captureEntities();
    if (index == MainWindow::Analytics)
        return captureAnalytics();
    if (index == MainWindow::Prompts || index == MainWindow::Objects
        || index == MainWindow::Activity || index == MainWindow::Fleet)
        return captureParts(index);
    if (index == MainWindow::Sql)
        return captureSql();
    if (index == MainWindow::Health)
        return captureHealth();
    QTimer::singleShot(0, this, [this, index] {
        if (!save(m_window, MainWindow::viewKey(MainWindow::View(index))))
            return;
        captureViews(index + 1);
    });
}

void ScreenshotDirector::captureEntities()
{
    // Show a platform table with rows: open it and take the picture once its first page is in
    // the model and the table is ready for edits (its constraints and defaults read after the
    // page), or after a few seconds, whatever the grid shows then.
    EntitiesView *view = m_window->entitiesView();
    EntityModel *model = view->model();
    auto taken = std::make_shared<bool>(false);
    auto take = [this, taken, view] {
        if (*taken || m_finished)
            return;
        *taken = true;
        view->grid()->selectRow(0); // so the row form shows a real row
        QTimer::singleShot(0, this, [this] {
            if (save(m_window, MainWindow::viewKey(MainWindow::Entities)))
                captureViews(MainWindow::Entities + 1);
        });
    };
    auto check = [model, take] {
        if (model->rowCount() > 0
            && model->data(model->index(0, 0), EntityModel::LoadedRole).toBool()
            && !model->loader()->isLoading())
            take();
    };
    connect(model->loader(), &PageLoader::loadingChanged, this, check);
    connect(model, &QAbstractItemModel::dataChanged, this, check);
    connect(model, &QAbstractItemModel::rowsInserted, this, check);
    connect(model, &QAbstractItemModel::modelReset, this, check);
    QTimer::singleShot(10000, this, take);
    // The migrations and the demo data came after the tree was first listed: list it again
    // (row estimates included), then open the table.
    connect(
        view, &EntitiesView::tablesLoaded, this,
        [view](int count) {
            const QTreeWidgetItem *personas
                = view->tree()->itemFor(QStringLiteral("public"), QStringLiteral("personas"));
            std::fprintf(stderr, "screenshot: entities: %d tables listed, personas %s\n", count,
                         personas ? qPrintable(personas->text(1)) : "not listed");
            view->openTable(QStringLiteral("public"), QStringLiteral("personas"));
        },
        Qt::SingleShotConnection);
    view->refreshTables();
}

void ScreenshotDirector::captureAnalytics()
{
    // The demo data came after the view first read its measurements: read them again, then
    // show the last 90 days (the demo data ends at the time of its load) and take the
    // picture once every panel has drawn.
    AnalyticsView *view = m_window->analyticsView();
    connect(
        view, &AnalyticsView::refreshFinished, this,
        [this, view] {
            connect(
                view, &AnalyticsView::refreshFinished, this,
                [this] {
                    QTimer::singleShot(0, this, [this] {
                        if (save(m_window, MainWindow::viewKey(MainWindow::Analytics)))
                            captureViews(MainWindow::Analytics + 1);
                    });
                },
                Qt::SingleShotConnection);
            view->choosePreset(AnalyticsView::Last90Days);
        },
        Qt::SingleShotConnection);
    view->reload();
}

namespace {

// The SQL view's query: a join of the demo data (SQL, not translated).
constexpr char kSqlScreenshot[] = "-- personas and their agents\n"
                                  "SELECT p.name, count(*) AS agents\n"
                                  "  FROM personas p\n"
                                  "  JOIN agents a ON a.persona_id = p.id\n"
                                  " GROUP BY p.name\n"
                                  " ORDER BY agents DESC;\n";

} // namespace

void ScreenshotDirector::captureSql()
{
    // A join of the demo data in the editor and its EXPLAIN ANALYZE plan (tree and bars), the
    // scan of personas selected: its table reference marked in the editor.
    SqlConsoleTab *tab = m_window->sqlView()->currentTab();
    tab->editor()->setText(QString::fromUtf8(kSqlScreenshot));
    tab->editor()->setCursorPosition(2, 0);
    tab->analyzeBox()->setChecked(true);
    connect(
        tab, &SqlConsoleTab::finished, this,
        [this, tab] {
            if (!tab->planView()->hasPlan())
                return fail(tab->messages()->toPlainText().trimmed());
            for (const PlanNode &n : tab->planView()->result().plan.nodes())
                if (n.relation == u"personas")
                    tab->planView()->select(n.id);
            QTimer::singleShot(0, this, [this] {
                if (save(m_window, MainWindow::viewKey(MainWindow::Sql)))
                    captureViews(MainWindow::Sql + 1);
            });
        },
        Qt::SingleShotConnection);
    tab->explain();
}

void ScreenshotDirector::captureHealth()
{
    // The index advice and findings, the first row's statement and plans below.
    HealthView *view = m_window->healthView();
    auto done = std::make_shared<QMetaObject::Connection>();
    *done = connect(view, &HealthView::refreshed, this, [this, view, done](int tab, bool ok) {
        if (tab != HealthView::IndexesTab)
            return;
        disconnect(*done);
        if (!ok)
            std::fprintf(stderr, "screenshot: health: not read\n");
        if (view->indexes()->rowCount() > 0)
            view->indexView()->selectRow(0);
        QTimer::singleShot(0, this, [this] {
            if (save(m_window, MainWindow::viewKey(MainWindow::Health)))
                captureViews(MainWindow::Health + 1);
        });
    });
    if (view->tabs()->currentIndex() == HealthView::IndexesTab)
        view->refresh();
    else
        view->tabs()->setCurrentIndex(HealthView::IndexesTab);
}

void ScreenshotDirector::captureParts(int index)
{
    const auto shoot = [this](QWidget *widget, const QString &name) { return save(widget, name); };
    ScreenshotPart *part = nullptr;
    if (index == MainWindow::Prompts)
        part = new ScreenshotPrompts(m_window, shoot, m_size, this);
    else if (index == MainWindow::Objects)
        part = new ScreenshotObjects(
            m_window, shoot, [this] { return m_finished; }, this);
    else if (index == MainWindow::Activity)
        part = new ScreenshotActivity(m_window, shoot, this);
    else
        part = new ScreenshotFleet(m_window, shoot, this);
    connect(part, &ScreenshotPart::failed, this, &ScreenshotDirector::fail);
    connect(part, &ScreenshotPart::done, this, [this, index] { captureViews(index + 1); });
    part->start();
}

void ScreenshotDirector::capturePreview()
{
    m_window->showView(MainWindow::Migrations);
    MigrationsView *view = m_window->migrationsView();
    QAction *rollback = view->actions()->rollbackLast;
    if (!rollback->isEnabled())
        return fail(tr("cannot preview a rollback: %1").arg(rollback->toolTip()));
    rollback->trigger();
    // confirmRollback() takes the picture; a failed preview shows in the banner.
    connect(view, &MigrationsView::statusText, this, [this, view](const QString &) {
        if (!m_finished && !view->isBusy() && !view->bannerText().isEmpty()
            && !view->bannerText().startsWith(tr("Rollback not confirmed")))
            fail(view->bannerText());
    });
}

bool ScreenshotDirector::confirmRollback(QWidget *parent, const QString &what,
                                         const RollbackImpact &impact,
                                         const ConnectionProfile &profile, const QString &database)
{
    RollbackConfirmDialog dialog(what, impact, profile.production ? database : QString(), parent);
    dialog.resize(m_size);
    dialog.show();
    if (save(&dialog, QStringLiteral("rollback-preview"))) {
        m_finished = true;
        reportSessions(); // then done(0)
    }
    dialog.hide();
    return false; // never roll back
}

void ScreenshotDirector::reportSessions()
{
    const std::optional<SessionSpec> target = m_window->migrationsView()->target();
    auto server = std::make_shared<PgConnection>();
    if (!target
        || !server->open(target->profile.conninfo(target->password.value_or(QString())),
                         QStringLiteral("uaip-screenshot count"))) {
        QTimer::singleShot(0, this, [this] { emit done(0); });
        return;
    }
    // A closed session's backend leaves pg_stat_activity a moment after its client: the two
    // counts are compared until they agree (at most 20 times, 100 ms apart), each a step of the
    // event loop, which runs in between (the GUI thread never sleeps).
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this, poll, server, tries = 0]() mutable {
        poll->setInterval(100); // the first count at once
        const PgResult backends
            = server->exec(SqlResource::get(QStringLiteral("db/sql/uaip_admin_backends.sql")));
        const int open = Session::openConnections();
        if ((!backends.ok() || backends.value(0, "backends").toInt() != open) && ++tries < 20)
            return;
        poll->stop();
        poll->deleteLater();
        std::fprintf(stderr,
                     "screenshot: sessions: %d open through QSqlDatabase, %s uaip-admin "
                     "backends on the server (%s)\n",
                     open, qPrintable(backends.value(0, "backends")),
                     qPrintable(backends.value(0, "names")));
        emit done(0);
    });
    poll->start(0);
}

bool ScreenshotDirector::waitForLock(QWidget *, const LockHolder &holder, int)
{
    fail(tr("another runner holds the migration lock: %1").arg(holder.describe()));
    return false;
}

void ScreenshotDirector::showText(QWidget *, const QString &, const QString &, bool)
{ }

bool ScreenshotDirector::save(QWidget *widget, const QString &name)
{
    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull() || !pixmap.save(path)) {
        fail(tr("cannot write %1").arg(path));
        return false;
    }
    m_written << path;
    std::fprintf(stderr, "screenshot: %s (%dx%d)\n", qPrintable(path), pixmap.width(),
                 pixmap.height());
    return true;
}

void ScreenshotDirector::fail(const QString &why)
{
    if (m_finished)
        return;
    m_finished = true;
    std::fprintf(stderr, "screenshot failed: %s\n", qPrintable(why));
    QTimer::singleShot(0, this, [this] { emit done(1); });
}

} // namespace uaip
