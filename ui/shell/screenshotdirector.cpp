#include "screenshotdirector.h"

#include "activity/activityview.h"
#include "activity/lockchaindemo.h"
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
#include "prompts/promptdiffview.h"
#include "prompts/prompteditor.h"
#include "prompts/promptlistmodel.h"
#include "prompts/promptseedfile.h"
#include "prompts/promptsview.h"
#include "prompts/prompttextedit.h"
#include "prompts/reviewchangesdialog.h"
#include "prompts/seedpreviewdialog.h"
#include "prompts/variablespanel.h"
#include "sql/planview.h"
#include "sql/sqlconsoletab.h"
#include "sql/sqlconsoleview.h"
#include "sql/sqleditor.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
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
    const auto &statuses = view->model()->statuses();
    const bool pending = std::any_of(statuses.cbegin(), statuses.cend(), [](const auto &s) {
        return s.state == MigrationState::Pending;
    });
    if (!pending)
        return loadDemoData();
    std::fprintf(stderr, "screenshot: applying the pending migrations to the sandbox\n");
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
    if (index == MainWindow::Prompts)
        return capturePrompts();
    if (index == MainWindow::Sql)
        return captureSql();
    if (index == MainWindow::Objects)
        return captureObjects();
    if (index == MainWindow::Activity)
        return captureActivity();
    if (index == MainWindow::Health)
        return captureHealth();
    if (index == MainWindow::Fleet)
        return captureFleet();
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

void ScreenshotDirector::captureActivity()
{
    // A real lock chain: three sessions on the first persona's row (SELECT ... FOR UPDATE, so
    // nothing is written): A idle in its transaction, B waiting on A, C on B. A passes the
    // idle-in-transaction threshold (1 s here) before the view reads the server. C is then
    // terminated (confirmed here, a sandbox is no production) so the picture shows an outcome:
    // in C's row, above the status line, in the job dock.
    ActivityView *view = m_window->activityView();
    const std::optional<SessionSpec> target = m_window->migrationsView()->target();
    if (target) {
        m_lockDemo = std::make_unique<LockChainDemo>();
        QString error;
        if (!m_lockDemo->start(target->profile.conninfo(target->password.value_or(QString())),
                               "SELECT id FROM personas ORDER BY id LIMIT 1 FOR UPDATE", 10000,
                               &error))
            std::fprintf(stderr, "screenshot: activity: no lock chain: %s\n", qPrintable(error));
    }
    view->setPaused(true);
    view->setIdleThresholdSeconds(1);
    view->tabs()->setCurrentIndex(ActivityView::ChainsTab);
    QTimer::singleShot(1500, this, [this, view] {
        connect(
            view, &ActivityView::refreshed, this,
            [this, view](bool ok) {
                if (!ok)
                    return fail(tr("activity: %1").arg(view->statusText()));
                const auto capture = [this] {
                    QTimer::singleShot(0, this, [this] {
                        const bool saved
                            = save(m_window, MainWindow::viewKey(MainWindow::Activity));
                        m_lockDemo.reset(); // B cancelled, A rolled back
                        if (saved)
                            captureViews(MainWindow::Activity + 1);
                    });
                };
                // the last of the chain: A keeps its idle highlight
                if (!m_lockDemo || !view->selectPid(m_lockDemo->pid(2)))
                    return capture();
                view->setAsker([](QWidget *, const QString &, const QString &, bool typed,
                                  QString *) { return !typed; });
                // the refresh that follows the terminate, then the picture
                connect(
                    view, &ActivityView::actionFinished, this,
                    [this, view, capture] {
                        connect(view, &ActivityView::refreshed, this, capture,
                                Qt::SingleShotConnection);
                    },
                    Qt::SingleShotConnection);
                view->terminateSelected();
            },
            Qt::SingleShotConnection);
        view->refresh();
    });
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

void ScreenshotDirector::capturePrompts()
{
    // The editor with a draft (a {{variable}} with a sample value), the review dialog, the
    // diff of the last two versions and the label history. The bundled prompts are seeded
    // first when the sandbox has none; a new version is saved through the review dialog.
    PromptsView *view = m_window->promptsView();
    auto seeded = std::make_shared<bool>(false);
    auto listed = std::make_shared<QMetaObject::Connection>();
    *listed = connect(view, &PromptsView::listLoaded, this, [this, view, seeded, listed](int n) {
        if (n == 0 && !*seeded) {
            *seeded = true;
            // The dry run first, as a user sees it; then the seed is confirmed.
            connect(
                view, &PromptsView::seedPlanned, this,
                [this, view](bool ok) {
                    SeedPreviewDialog *preview = view->seedPreviewDialog();
                    if (!ok || !preview || !preview->seedButton())
                        return fail(tr("prompts: seeding: %1").arg(view->statusText()));
                    preview->accept();
                },
                Qt::SingleShotConnection);
            return view->seedFromFile(PromptSeedFile::bundledPath(), false);
        }
        disconnect(*listed);
        if (n <= 0)
            return fail(tr("prompts: %1").arg(view->statusText()));
        const QString id = view->model()->rowOf(QStringLiteral("reference-coach-v1")) >= 0
            ? QStringLiteral("reference-coach-v1")
            : view->model()->prompts().first().promptId;
        connect(
            view, &PromptsView::promptLoaded, this, [this] { promptsDraft(); },
            Qt::SingleShotConnection);
        view->openPrompt(id);
    });
    view->refresh();
}

void ScreenshotDirector::promptsDraft()
{
    PromptsView *view = m_window->promptsView();
    PromptEditor *editor = view->editor();
    editor->systemEdit()->append(QStringLiteral("\nAlways answer in {{language}}, in at most "
                                                "{{limit}} sentences."));
    editor->variablesPanel()->setSample(QStringLiteral("language"), QStringLiteral("German"));
    editor->variablesPanel()->setSample(QStringLiteral("limit"), QStringLiteral("five"));
    editor->systemEdit()->ensureLineVisible(editor->systemEdit()->lines() - 1);
    QTimer::singleShot(0, this, [this, view] {
        if (!save(m_window, QStringLiteral("prompts")))
            return;
        view->requestSave();
        ReviewChangesDialog *review = view->reviewDialog();
        if (!review)
            return fail(tr("prompts: no review dialog: %1").arg(view->statusText()));
        review->noteEdit()->setPlainText(QStringLiteral("Answer in the user's language, briefly."));
        review->resize(m_size.width(), m_size.height() * 3 / 4);
        if (!save(review, QStringLiteral("prompts-review")))
            return;
        connect(
            view, &PromptsView::saveFinished, this,
            [this, view](bool ok, const QString &message) {
                if (!ok)
                    return fail(tr("prompts: %1").arg(message));
                connect(
                    view, &PromptsView::promptLoaded, this, [this] { promptsDiff(); },
                    Qt::SingleShotConnection);
            },
            Qt::SingleShotConnection);
        review->accept();
    });
}

void ScreenshotDirector::promptsDiff()
{
    PromptsView *view = m_window->promptsView();
    const int latest = view->detail().summary.latestVersion;
    connect(
        view, &PromptsView::diffShown, this,
        [this, view, latest] {
            QTimer::singleShot(0, this, [this, view, latest] {
                if (!save(m_window, QStringLiteral("prompts-diff")))
                    return;
                connect(
                    view, &PromptsView::labelMoveFinished, this,
                    [this, view](bool ok, const QString &message) {
                        if (!ok)
                            return fail(tr("prompts: %1").arg(message));
                        connect(
                            view, &PromptsView::promptLoaded, this,
                            [this, view] {
                                view->tabs()->setCurrentIndex(PromptsView::LabelsTab);
                                QTimer::singleShot(0, this, [this] {
                                    if (save(m_window, QStringLiteral("prompts-labels")))
                                        captureViews(MainWindow::Prompts + 1);
                                });
                            },
                            Qt::SingleShotConnection);
                    },
                    Qt::SingleShotConnection);
                view->requestLabelMove(QStringLiteral("staging"), qMax(1, latest - 1));
                // Every label move asks first (Yes/Cancel, a window-modal box): answered Yes.
                if (auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("promptConfirm")))
                    box->button(QMessageBox::Yes)->click();
            });
        },
        Qt::SingleShotConnection);
    view->compareVersions(qMax(1, latest - 1), latest);
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
        const int open = Session::openQpsqlConnections();
        if ((!backends.ok() || backends.value(0, "backends").toInt() != open) && ++tries < 20)
            return;
        poll->stop();
        poll->deleteLater();
        std::fprintf(stderr,
                     "screenshot: sessions: %d open through QSqlDatabase (QPSQL), %s uaip-admin "
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
