// The Fleet view against the real sandbox (offscreen): tenant databases reached as a non-owner
// role with a hostile name, from a targets file; the matrix shows each target's migrations as
// pending / applied / failed, filtered and sorted by state; Up over a selection touches only the
// selected databases; Cancel during a slow migration leaves the later targets not started.
#include "fleettestutil.h"
#include "migrationfolder.h"
#include "testcluster.h"

#include "connections/profilestore.h"
#include "fleet/fleetfilterproxy.h"
#include "fleet/fleetmatrixmodel.h"
#include "fleet/fleettargetprofile.h"
#include "fleet/fleetview.h"
#include "jobs/jobmanager.h"

#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

using Cell = FleetMatrixModel::CellState;
using State = FleetTargetResult::State;

bool waitRun(FleetView &view, int ms = 20000)
{
    QSignalSpy spy(&view, &FleetView::runFinished);
    return spy.wait(ms);
}

void selectRows(FleetView &view, const QList<int> &sourceRows)
{
    QItemSelectionModel *sel = view.table()->selectionModel();
    sel->clearSelection();
    for (int row : sourceRows) {
        const QModelIndex i = view.proxy()->mapFromSource(view.model()->index(row, 0));
        sel->select(i, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QString scalar(const FleetTenants &tenants, int i, const QByteArray &sql)
{
    auto c = tenants.admin(i);
    const PgResult r = c->exec(sql);
    return r.ok() && r.rows() == 1 && !r.isNull(0, 0) ? r.value(0, 0) : QString();
}

} // namespace

class TestFleetView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("UAIP-test"));
        QCoreApplication::setApplicationName(QStringLiteral("uaip-admin-fleetview-test"));
    }

    // A profile's group is stored with it and read back (the Fleet view's groups).
    void profileGroupStored()
    {
        ProfileStore store;
        ConnectionProfile p;
        p.name = QStringLiteral("grouped \"one\"; x");
        p.host = QStringLiteral("db.example.com");
        p.database = QStringLiteral("app");
        p.user = QStringLiteral("app");
        p.group = QStringLiteral("eu; \"west\"");
        store.save(p);
        store.sync();
        const std::optional<ConnectionProfile> back = ProfileStore().find(p.name);
        QVERIFY(back);
        QCOMPARE(back->group, p.group);
        store.remove(p.name);
    }

    void matrixStatesAndUpOverASelection()
    {
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int);\n",
                   "DROP TABLE users;\n");
        folder.add(QStringLiteral("0002_tags"), "CREATE TABLE tags (id int);\n",
                   "DROP TABLE tags;\n");
        FleetTenants tenants(TestCluster::sandbox(), 4);
        // tenant 4 has a table in the way of 0002_tags
        auto broken = tenants.admin(4);
        QVERIFY(broken->exec("CREATE TABLE public.tags (id int)").ok());
        const QString file = m_tmp.filePath(QStringLiteral("targets.txt"));
        writeFile(file, "# tenants\n" + tenants.lines(1, 4));

        JobManager jobs;
        FleetView view(&jobs);
        view.setMigrationsDir(folder.path());
        view.resize(900, 500);
        view.show();
        QSignalSpy finished(&view, &FleetView::runFinished);
        QVERIFY(view.openTargetsFile(file));
        QVERIFY(finished.wait(20000)); // the status read
        FleetMatrixModel *m = view.model();
        QCOMPARE(m->rowCount(), 4);
        QCOMPARE(m->columnCount(), FleetMatrixModel::FirstMigrationColumn + 2);
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(m->result(row).state, State::Pending);
            QCOMPARE(m->cell(row, 0), Cell::Pending);
            QCOMPARE(m->cell(row, 1), Cell::Pending);
        }
        QCOMPARE(m->index(0, FleetMatrixModel::FirstMigrationColumn).data().toString(),
                 FleetMatrixModel::cellText(Cell::Pending));

        // Up over tenants 2 and 4 only: 2 applied, 4 failed at 0002 (0001 applied), 1 and 3
        // untouched.
        selectRows(view, {1, 3});
        QCOMPARE(view.selectedTargets().size(), 2);
        view.run(FleetOptions::Command::Up);
        QVERIFY(view.isRunning());
        QVERIFY(waitRun(view));
        QCOMPARE(m->result(1).state, State::Applied);
        QCOMPARE(m->cell(1, 0), Cell::Applied);
        QCOMPARE(m->cell(1, 1), Cell::Applied);
        QCOMPARE(m->result(3).state, State::Failed);
        QCOMPARE(m->cell(3, 0), Cell::Applied);
        QVERIFY2(m->index(3, FleetMatrixModel::ErrorColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("0002_tags/up.sql")),
                 qPrintable(m->index(3, FleetMatrixModel::ErrorColumn).data().toString()));
        QCOMPARE(m->result(0).state, State::Pending);
        QCOMPARE(scalar(tenants, 1, "SELECT to_regclass('public.users')::text"), QString());
        QCOMPARE(scalar(tenants, 2, "SELECT to_regclass('public.tags')::text"),
                 QStringLiteral("tags"));

        // filter by state, then sort by the state column
        view.proxy()->setStateFilter(int(State::Failed));
        QCOMPARE(view.proxy()->rowCount(), 1);
        QCOMPARE(view.proxy()->index(0, 0).data().toString(), tenants.name(4));
        view.proxy()->setStateFilter(int(State::Pending));
        QCOMPARE(view.proxy()->rowCount(), 2);
        view.proxy()->setStateFilter(-1);
        QCOMPARE(view.proxy()->rowCount(), 4);
        view.table()->sortByColumn(FleetMatrixModel::StateColumn, Qt::AscendingOrder);
        // Pending (0) before Applied (1) before Failed (3)
        QCOMPARE(view.proxy()
                     ->index(0, FleetMatrixModel::StateColumn)
                     .data(FleetMatrixModel::StateRole)
                     .toInt(),
                 int(State::Pending));
        QCOMPARE(view.proxy()->index(3, 0).data().toString(), tenants.name(4));
        // the status after a refresh: the failed target's 0002 still pending, nothing lost
        view.table()->clearSelection();
        view.run(FleetOptions::Command::Status);
        QVERIFY(waitRun(view));
        QCOMPARE(m->cell(1, 1), Cell::Applied);
        QCOMPARE(m->cell(3, 1), Cell::Pending);
    }

    // Issue 60, point 7: a target whose ledger has a migration needing attention (changed after
    // it was applied) is counted in the summary line; its long error does not push the
    // migrations' columns off screen in the room a 1024 px window leaves the view: the Error
    // column is bounded and elided, the whole error in its tool tip and below the matrix.
    void attentionCountedAndMatrixFitsNarrow()
    {
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int);\n",
                   "DROP TABLE users;\n");
        folder.add(QStringLiteral("0002_tags"), "CREATE TABLE tags (id int);\n",
                   "DROP TABLE tags;\n");
        folder.add(QStringLiteral("0003_notes"), "CREATE TABLE notes (id int);\n",
                   "DROP TABLE notes;\n");
        FleetTenants tenants(TestCluster::sandbox(), 3);
        const QString file = m_tmp.filePath(QStringLiteral("attention.txt"));
        writeFile(file, tenants.lines(1, 3));
        JobManager jobs;
        FleetView view(&jobs);
        view.setMigrationsDir(folder.path());
        // a 1024 px wide window less its side bar (MainWindow: 14 "m" at most)
        view.resize(1024 - view.fontMetrics().horizontalAdvance(QLatin1Char('m')) * 14, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy finished(&view, &FleetView::runFinished);
        QVERIFY(view.openTargetsFile(file));
        QVERIFY(finished.wait(20000));
        selectRows(view, {0});
        view.run(FleetOptions::Command::Up);
        QVERIFY(waitRun(view));
        FleetMatrixModel *m = view.model();
        QCOMPARE(m->result(0).state, State::Applied);

        // 0001 changed after tenant 1 applied it: that target needs attention
        folder.add(QStringLiteral("0001_users"), "CREATE TABLE users (id bigint);\n",
                   "DROP TABLE users;\n");
        view.setMigrationsDir(folder.path());
        view.table()->clearSelection();
        view.run(FleetOptions::Command::Status);
        QVERIFY(waitRun(view));
        QCOMPARE(m->result(0).state, State::Attention);
        QCOMPARE(m->result(1).state, State::Pending);
        const QString summary = view.findChild<QLabel *>(QStringLiteral("fleetMessage"))->text();
        QVERIFY2(summary.contains(QStringLiteral("3 targets")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("2 pending")), qPrintable(summary));
        QVERIFY2(
            summary.contains(QStringLiteral("1 ") + FleetTargetResult::stateText(State::Attention)),
            qPrintable(summary));

        // the matrix's columns fit: no sideways scrolling to reach the versions
        const QString error = m->errorText(0);
        QVERIFY2(error.contains(QStringLiteral("0001_users")), qPrintable(error));
        QTableView *table = view.table();
        QTRY_VERIFY(table->horizontalHeader()->length() <= table->viewport()->width());
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        for (int c = FleetMatrixModel::FirstMigrationColumn; c < m->columnCount(); ++c)
            QVERIFY2(table->columnWidth(c) >= table->horizontalHeader()->sectionSizeHint(c),
                     qPrintable(QString::number(c)));
        // the error elided there, whole in its tool tip and, for the current target, below
        const QModelIndex cell
            = view.proxy()->mapFromSource(m->index(0, FleetMatrixModel::ErrorColumn));
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), error);
        QVERIFY(table->columnWidth(FleetMatrixModel::ErrorColumn)
                < table->fontMetrics().horizontalAdvance(error));
        table->setCurrentIndex(view.proxy()->mapFromSource(m->index(1, 0)));
        QVERIFY(!view.errorDetail()->isVisible());
        table->setCurrentIndex(cell);
        QVERIFY(view.errorDetail()->isVisible());
        QCOMPARE(view.errorDetail()->toPlainText(), error);
    }

    void cancelLeavesLaterTargetsNotStarted()
    {
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_slow"),
                   "CREATE TABLE slow_t (id int);\nSELECT pg_sleep(20);\n", "DROP TABLE slow_t;\n");
        FleetTenants tenants(TestCluster::sandbox(), 5);
        const QString file = m_tmp.filePath(QStringLiteral("slow.txt"));
        writeFile(file, tenants.lines(1, 5));
        JobManager jobs;
        FleetView view(&jobs);
        view.setMigrationsDir(folder.path());
        QSignalSpy finished(&view, &FleetView::runFinished);
        QVERIFY(view.openTargetsFile(file));
        QVERIFY(finished.wait(20000));
        view.findChild<QSpinBox *>(QStringLiteral("fleetParallel"))->setValue(1);
        view.table()->clearSelection();
        view.run(FleetOptions::Command::Up);
        // the first target is running its pg_sleep: cancel
        QTRY_COMPARE_WITH_TIMEOUT(
            view.model()->index(0, FleetMatrixModel::StateColumn).data().toString(),
            FleetMatrixModel::tr("running…"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(tenants, 1,
                   "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE state = 'active' "
                   "AND query LIKE 'SELECT pg_sleep(20)%' AND datname = current_database()"),
            QStringLiteral("1"), 10000);
        view.cancel();
        QVERIFY(waitRun(view));
        FleetMatrixModel *m = view.model();
        QVERIFY2(m->result(0).state == State::Failed,
                 qPrintable(FleetTargetResult::stateName(m->result(0).state)));
        // the cancel stopped the pg_sleep (line 2) on the server (query_canceled), instead of
        // letting it run out and stopping the run after it
        QVERIFY2(m->result(0).error.code() == ErrorCode::Cancelled,
                 qPrintable(m->result(0).error.toString()));
        QCOMPARE(m->result(0).error.sqlState(), QStringLiteral("57014"));
        QCOMPARE(m->result(0).error.arg(QStringLiteral("line")).toInt(), 2);
        for (int row = 1; row < 5; ++row)
            QCOMPARE(m->result(row).state, State::Skipped);
        // the later targets untouched, the first rolled back
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(scalar(tenants, i, "SELECT to_regclass('public.slow_t')::text"), QString());
        // the skipped still show their migration pending (what the status read said)
        QCOMPARE(m->cell(4, 0), Cell::Pending);
    }

    void profileGroupAsTargets()
    {
        MigrationFolder folder;
        folder.add(QStringLiteral("0001_users"), "CREATE TABLE users (id int);\n",
                   "DROP TABLE users;\n");
        FleetTenants tenants(TestCluster::sandbox(), 3);
        QList<ConnectionProfile> profiles;
        for (int i = 1; i <= 3; ++i) {
            ConnectionProfile p;
            p.name = tenants.name(i);
            p.host = TestCluster::sandbox().socketDir();
            p.port = TestCluster::sandbox().port();
            p.database = tenants.tenant(i);
            p.user = fleetRole();
            p.group = i == 2 ? QStringLiteral("us") : QStringLiteral("eu \"west\"");
            profiles << p;
        }
        JobManager jobs;
        FleetView view(&jobs);
        view.setMigrationsDir(folder.path());
        view.setProfiles(profiles, nullptr);
        auto *groups = view.findChild<QComboBox *>(QStringLiteral("fleetGroups"));
        QCOMPARE(groups->count(), 3); // (none), eu "west", us
        QSignalSpy finished(&view, &FleetView::runFinished);
        QVERIFY(view.openGroup(QStringLiteral("eu \"west\"")));
        QVERIFY(finished.wait(20000));
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(view.model()->target(0).name, tenants.name(1));
        QCOMPARE(view.model()->target(1).name, tenants.name(3));
        QCOMPARE(view.model()->result(1).state, State::Pending);
        view.run(FleetOptions::Command::Up);
        QVERIFY(waitRun(view));
        QCOMPARE(view.model()->result(0).state, State::Applied);
        QCOMPARE(scalar(tenants, 3, "SELECT to_regclass('public.users')::text"),
                 QStringLiteral("users"));
        QCOMPARE(scalar(tenants, 2, "SELECT to_regclass('public.users')::text"), QString());
        QVERIFY(!view.openGroup(QStringLiteral("nobody")));
    }

    void refusedFileChangesNothing()
    {
        const QString bad = m_tmp.filePath(QStringLiteral("bad.txt"));
        writeFile(bad, "tenant-a host=/tmp password=secret dbname=x\n");
        JobManager jobs;
        FleetView view(&jobs);
        QVERIFY(!view.openTargetsFile(bad));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.isRunning());
        const QString message = view.findChild<QLabel *>(QStringLiteral("fleetMessage"))->text();
        QVERIFY2(message.contains(bad + QStringLiteral(":1")), qPrintable(message));
    }

    // Opening a file's target in Migrations: what a profile cannot carry is refused, naming it
    // (a schema-per-tenant target's search_path would otherwise be dropped), and the profile is
    // production (a file brings no flags).
    void openingATargetKeepsWhatItSets()
    {
        FleetTarget plain;
        plain.name = QStringLiteral("t1");
        plain.conninfo = QStringLiteral("postgresql:///tenant?host=/tmp&port=5433&user=app"
                                        "&connect_timeout=5");
        const Result<ConnectionProfile> p = FleetTargetProfile::from(plain);
        QVERIFY2(p, qPrintable(p ? QString() : p.error().toString()));
        QCOMPARE(p->database, QStringLiteral("tenant"));
        QCOMPARE(p->port, 5433);
        QVERIFY(p->production);
        FleetTarget schema = plain;
        schema.conninfo = QStringLiteral("host=/tmp dbname=tenant options='-c search_path=t5' "
                                         "sslcert=/x/c.pem");
        const Result<ConnectionProfile> refused = FleetTargetProfile::from(schema);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::BadInput);
        QCOMPARE(refused.error().arg(QStringLiteral("keywords")).toStringList(),
                 (QStringList{QStringLiteral("options"), QStringLiteral("sslcert")}));
    }
};

QTEST_MAIN(TestFleetView)
#include "tst_fleetview.moc"
