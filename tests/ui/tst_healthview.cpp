// The Health view against the real sandbox: the top statements of a fresh database with
// pg_stat_statements and hypopg; the Indexes tab proposes the index a hot query lacks, with its
// statement, plans and undo below and Copy taking the statement; the Tables tab names the
// session that holds back vacuum; the Connections tab counts the slots; a database without the
// extensions says how to enable them; a migration run makes every tab read again.
#include "health/healthmodels.h"
#include "health/healthview.h"

#include "db/pgconnection.h"
#include "db/sessionspec.h"

#include "testdatabase.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace uaip;
using namespace uaip::test;

namespace {

SessionSpec specFor(const TestDatabase &db)
{
    return SessionSpec::from(db.profile(), QString(), QStringLiteral("test"));
}

// The tab shown and read; whether the reading succeeded.
bool readTab(HealthView &view, int tab)
{
    QSignalSpy spy(&view, &HealthView::refreshed);
    if (view.tabs()->currentIndex() == tab)
        view.refresh();
    else
        view.tabs()->setCurrentIndex(tab);
    if (!spy.wait(30000))
        return false;
    return spy.last().at(1).toBool();
}

QStringList column(QStandardItemModel *model, int c)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, c).data().toString();
    return out;
}

} // namespace

class TestHealthView : public QObject
{
    Q_OBJECT
private slots:
    void readsEveryTab()
    {
        TestDatabase db;
        QVERIFY(
            db.witness()
                .execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;"
                            "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT NULL, "
                            "kind text, created_at timestamptz NOT NULL);"
                            "INSERT INTO events (agent_id, kind, created_at) SELECT g % 300, "
                            "'k' || (g % 5), timestamptz '2026-01-01' + g * interval '1 s' "
                            "FROM generate_series(1, 30000) g; ANALYZE events;")
                .ok());
        {
            PgConnection app;
            QVERIFY(app.open(db.conninfo(), QStringLiteral("health app")));
            for (int i = 0; i < 20; ++i)
                QVERIFY(app.exec("SELECT id FROM events WHERE agent_id = $1 ORDER BY created_at "
                                 "DESC LIMIT 10",
                                 {i})
                            .ok());
        }
        PgConnection holder;
        QVERIFY(holder.open(db.conninfo(), QStringLiteral("long report")));
        QVERIFY(holder.exec("BEGIN ISOLATION LEVEL REPEATABLE READ").ok());
        QVERIFY(holder.exec("SELECT count(*) FROM events").ok());

        HealthView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy first(&view, &HealthView::refreshed);
        view.setTarget(specFor(db));
        QVERIFY(first.wait(30000));
        QVERIFY(first.last().at(1).toBool());
        bool hot = false;
        for (const QString &q : column(view.queries(), 6))
            hot = hot || q.startsWith(QLatin1String("SELECT id FROM events WHERE agent_id = $1"));
        QVERIFY2(hot, qPrintable(column(view.queries(), 6).join(u'\n')));

        QVERIFY(readTab(view, HealthView::IndexesTab));
        QCOMPARE(view.indexes()->index(0, 0).data().toString(), QStringLiteral("proposed"));
        QCOMPARE(view.indexes()->index(0, 1).data().toString(), QStringLiteral("public.events"));
        // the cut as it is: 1,693.01 -> 8.07 is 99.5 %, never rounded to 100 (nor a small one
        // to 0)
        QCOMPARE(HealthModels::costCut(1693.01, 8.07), QStringLiteral("99.5"));
        QCOMPARE(HealthModels::costCut(100, 0.01), QStringLiteral("99.9"));
        QCOMPARE(HealthModels::costCut(100, 0), QStringLiteral("100"));
        QCOMPARE(HealthModels::costCut(100, 99.7), QStringLiteral("0.3"));
        QCOMPARE(HealthModels::costCut(100, 40), QStringLiteral("60"));
        view.indexView()->selectRow(0);
        const QString details = view.details()->toPlainText();
        QVERIFY2(details.startsWith(QLatin1String("CREATE INDEX CONCURRENTLY events_agent_id")),
                 qPrintable(details));
        QVERIFY(details.contains(QLatin1String("Plan before:")));
        QVERIFY(details.contains(QLatin1String("Undo: DROP INDEX CONCURRENTLY")));
        QVERIFY(view.copyButton()->isVisible());
        view.copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), details.section(u'\n', 0, 0));

        QVERIFY(readTab(view, HealthView::TablesTab));
        QVERIFY(column(view.tables(), 0).contains(QStringLiteral("public.events")));
        const QString blocker = QStringLiteral("session %1 (long report, idle in transaction)")
                                    .arg(holder.backendPid());
        QVERIFY2(column(view.horizon(), 1).contains(blocker),
                 qPrintable(column(view.horizon(), 1).join(u'\n')));
        holder.exec("ROLLBACK");

        QVERIFY(readTab(view, HealthView::ConnectionsTab));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("healthConnections"))
                    ->text()
                    .contains(QLatin1String("connections in use")));
        QVERIFY(view.connections()->rowCount() > 0);

        // a migration ran: the tab shown reads again
        QSignalSpy again(&view, &HealthView::refreshed);
        view.markStale();
        QVERIFY(again.wait(30000));
        QCOMPARE(again.last().at(0).toInt(), int(HealthView::ConnectionsTab));
    }

    void withoutTheExtensionsItSaysHow()
    {
        TestDatabase db;
        HealthView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy first(&view, &HealthView::refreshed);
        view.setTarget(specFor(db));
        QVERIFY(first.wait(30000));
        QVERIFY(view.notes()->isVisible());
        QVERIFY2(view.notes()->text().contains(
                     QStringLiteral("CREATE EXTENSION pg_stat_statements; in database %1")
                         .arg(db.name())),
                 qPrintable(view.notes()->text()));
        QCOMPARE(view.queries()->rowCount(), 0);
        QVERIFY(readTab(view, HealthView::IndexesTab));
        QVERIFY(view.notes()->text().contains(QLatin1String("No index advice")));
    }
};

QTEST_MAIN(TestHealthView)
#include "tst_healthview.moc"
