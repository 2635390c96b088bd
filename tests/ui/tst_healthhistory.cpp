// The Health view's History tab against the real sandbox: two workload samples recorded with a
// hot statement run between, two migrations applied and one rolled back in the window; the tab
// draws the statement's mean time and calls and the table's size and dead tuples as lines, each
// migration a marker labelled with its version; "Record now" takes a sample on the view's worker;
// the recording interval is a setting (0: off).
#include "health/healthview.h"
#include "health/historychart.h"
#include "health/historypanel.h"

#include "db/pgconnection.h"
#include "db/sessionspec.h"
#include "insights/insightscapabilities.h"
#include "insights/workloadhistory.h"

#include "testcluster.h"
#include "testdatabase.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kHot
    = "SELECT id FROM events WHERE agent_id = $1 ORDER BY created_at DESC LIMIT 10";

bool migrateRun(const TestDatabase &db, const QString &dir, const QString &command)
{
    QProcess p;
    p.start(TestCluster::migrateBinary(),
            {QStringLiteral("--db"), db.conninfo(), QStringLiteral("--dir"), dir, command});
    return p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

void runHot(const TestDatabase &db, int n)
{
    PgConnection app;
    QVERIFY(app.open(db.conninfo(), QStringLiteral("history app")));
    for (int i = 0; i < n; ++i)
        QVERIFY(app.exec(kHot, {i % 300}).ok());
}

bool record(const TestDatabase &db)
{
    PgConnection c;
    if (!c.open(db.conninfo(), QStringLiteral("history test")))
        return false;
    const Result<InsightsCapabilities> caps = InsightsCapabilities::read(c);
    return caps && WorkloadHistory(c, caps.value()).record(WorkloadHistory::Bounds{});
}

} // namespace

class TestHealthHistory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QSettings().remove(QLatin1String(HistoryPanel::kIntervalKey)); }

    void chartsWithMigrationMarkers()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_stat_statements;"
                                "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT "
                                "NULL, kind text, created_at timestamptz NOT NULL);"
                                "INSERT INTO events (agent_id, kind, created_at) SELECT g % 300, "
                                "'k', timestamptz '2026-01-01' + g * interval '1 s' "
                                "FROM generate_series(1, 20000) g; ANALYZE events;")
                    .ok());
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("0001_index/up.sql")),
              "CREATE INDEX events_agent ON events (agent_id);\n");
        write(dir.filePath(QStringLiteral("0001_index/down.sql")), "DROP INDEX events_agent;\n");
        write(dir.filePath(QStringLiteral("0002_notes/up.sql")), "CREATE TABLE notes (id int);\n");
        write(dir.filePath(QStringLiteral("0002_notes/down.sql")), "DROP TABLE notes;\n");
        QVERIFY(migrateRun(db, dir.path(), QStringLiteral("up")));
        QVERIFY(migrateRun(db, dir.path(), QStringLiteral("down")));
        runHot(db, 5);
        QVERIFY(record(db));
        runHot(db, 8);
        QVERIFY(record(db));
        runHot(db, 3);
        QVERIFY(record(db));

        HealthView view;
        view.resize(1300, 850);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy first(&view, &HealthView::refreshed);
        view.setTarget(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")));
        QVERIFY(first.wait(30000));
        // recording every 10 minutes (the default) while the view is open
        QVERIFY(view.recordTimer()->isActive());
        QCOMPARE(view.recordTimer()->interval(), 10 * 60 * 1000);
        QSignalSpy spy(&view, &HealthView::refreshed);
        view.tabs()->setCurrentIndex(HealthView::HistoryTab);
        QTRY_VERIFY_WITH_TIMEOUT(
            !spy.isEmpty() && spy.last().at(0).toInt() == HealthView::HistoryTab, 30000);
        QVERIFY(spy.last().at(1).toBool());
        HistoryPanel *panel = view.history();
        const int hot = panel->queryBox()->findText(QStringLiteral("SELECT id FROM events"),
                                                    Qt::MatchStartsWith);
        QVERIFY2(hot >= 0, qPrintable(QString::number(panel->queryBox()->count())));
        panel->queryBox()->setCurrentIndex(hot);
        // mean time and calls: one segment each; the markers of 0001, 0002 and its rollback
        QCOMPARE(panel->queryChart()->lineCount(), 2);
        QCOMPARE(
            panel->queryChart()->markerLabels(),
            (QStringList{QStringLiteral("0001"), QStringLiteral("0002"), QStringLiteral("0002")}));
        const int events = panel->tableBox()->findData(QStringLiteral("public.events"));
        QVERIFY(events >= 0);
        panel->tableBox()->setCurrentIndex(events);
        QCOMPARE(panel->tableChart()->lineCount(), 2);
        QCOMPARE(panel->tableChart()->markerLabels().size(), 3);
        QVERIFY(panel->tableChart()->chart()->title().contains(QLatin1String("public.events")));

        // Record now: a fourth sample, the tab read again
        QSignalSpy recorded(&view, &HealthView::recorded);
        QSignalSpy again(&view, &HealthView::refreshed);
        panel->recordButton()->click();
        QVERIFY(recorded.wait(30000));
        QVERIFY(recorded.last().at(0).toBool());
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_workload_history_samples"),
                 QStringLiteral("4"));
        QTRY_VERIFY_WITH_TIMEOUT(!again.isEmpty(), 30000);
        // the interval: a setting; 0 stops the recording
        panel->intervalBox()->setValue(5);
        QCOMPARE(view.recordTimer()->interval(), 5 * 60 * 1000);
        QCOMPARE(HistoryPanel::intervalMinutes(), 5);
        panel->intervalBox()->setValue(0);
        QVERIFY(!view.recordTimer()->isActive());
        QSettings().remove(QLatin1String(HistoryPanel::kIntervalKey));
    }

    void withoutALedgerNothingIsRecorded()
    {
        TestDatabase db;
        HealthView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTarget(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")));
        QSignalSpy recorded(&view, &HealthView::recorded);
        view.recordNow();
        QVERIFY(recorded.wait(30000));
        QCOMPARE(recorded.last().at(0).toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(view.history()
                                     ->findChild<QLabel *>(QStringLiteral("historyNote"))
                                     ->text()
                                     .contains(QLatin1String("no migration ledger")),
                                 5000);
    }
};

QTEST_MAIN(TestHealthHistory)
#include "tst_healthhistory.moc"
