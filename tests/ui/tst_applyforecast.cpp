// Issue 43, point 2: the Migrations view's Apply confirmation shows what the plan would lock on
// the live database — per statement the table, its live rows, the lock, what it blocks, the work
// under the lock, who holds a conflicting lock now, the online form — read off the GUI thread
// (ApplyForecastJob) before anything runs. Not confirmed: nothing runs. Blocking work on a big
// table: the confirmation says why the run would refuse it, and Apply is disabled.
#include "migrations/applyforecastdialog.h"
#include "migrationsviewtestutil.h"

#include <QPushButton>
#include <QTreeWidget>

using namespace uaip;
using namespace uaip::test;

namespace {

const TestMigration kIndex
    = {"0001_accounts_name", "CREATE INDEX accounts_name ON accounts (name);\n",
       "DROP INDEX accounts_name;\n"};

bool indexExists(TestDatabase &db)
{
    return db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'accounts_name'")
        == QLatin1String("1");
}

} // namespace

class TestApplyForecast : public QObject, public MigrationsViewFixture
{
    Q_OBJECT

private slots:
    void theConfirmationShowsTheLocksAndWhoHoldsThem()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE TABLE accounts (id int PRIMARY KEY, name text)").ok());
        QVERIFY(db.witness()
                    .exec("INSERT INTO accounts SELECT g, 'n' || g FROM generate_series(1, 500) g")
                    .ok());
        QVERIFY(db.witness().exec("ANALYZE accounts").ok());
        PgConnection writer; // an application writing: its ROW EXCLUSIVE conflicts with SHARE
        QVERIFY(writer.open(db.conninfo(), QStringLiteral("app-writer")));
        QVERIFY(writer.exec("BEGIN").ok());
        QVERIFY(writer.exec("UPDATE accounts SET name = name WHERE id = 1").ok());
        auto view = makeView(db, {kIndex});
        QVERIFY(view);
        m_confirmer.applyAnswer = false;
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QCOMPARE(m_confirmer.applyAsked, 1);
        QVERIFY(!indexExists(db)); // not confirmed: nothing ran
        QVERIFY(m_confirmer.forecast);
        const PlanForecast &f = *m_confirmer.forecast;
        QCOMPARE(f.scripts.size(), 1);
        QCOMPARE(f.sizes.value(QStringLiteral("accounts")).rows, qint64(500));
        const QList<LockBlocker> held = f.heldBy.value(QStringLiteral("accounts"));
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().pid, writer.backendPid());
        QCOMPARE(held.first().mode, QStringLiteral("RowExclusiveLock"));
        QVERIFY(m_confirmer.refused.isEmpty());

        // the dialog a DBA sees
        ApplyForecastDialog dialog(f, m_confirmer.refused);
        QCOMPARE(dialog.forecastTree()->topLevelItemCount(), 1);
        const QTreeWidgetItem *row = dialog.forecastTree()->topLevelItem(0);
        QVERIFY(row->text(0).contains(QStringLiteral("0001_accounts_name 1:1")));
        QCOMPARE(row->text(1), QStringLiteral("accounts"));
        QCOMPARE(row->text(3), QStringLiteral("SHARE"));
        QCOMPARE(row->text(4), QStringLiteral("writes"));
        QVERIFY2(row->text(6).contains(QStringLiteral("pid %1").arg(writer.backendPid())),
                 qPrintable(row->text(6)));
        // the selected row's whole statement, online form and holders below the tree
        QVERIFY(dialog.detailsLabel()->text().contains(QStringLiteral("CONCURRENTLY")));
        QVERIFY(
            dialog.detailsLabel()->text().contains(QStringLiteral("CREATE INDEX accounts_name")));
        QVERIFY(dialog.applyButton()->isEnabled());

        // confirmed, the writer gone: it runs
        writer.exec("ROLLBACK");
        m_confirmer.applyAnswer = true;
        QCOMPARE(runOutcome(view.get(), view->actions()->applyAll), std::optional<bool>(true));
        QVERIFY(indexExists(db));
    }

    void blockingWorkOnABigTableIsShownAsRefused()
    {
        TestDatabase db;
        QVERIFY(db.witness().exec("CREATE TABLE accounts (id int PRIMARY KEY, name text)").ok());
        QVERIFY(db.witness()
                    .exec("INSERT INTO accounts SELECT g, 'n' FROM generate_series(1, 100001) g")
                    .ok());
        QVERIFY(db.witness().exec("ANALYZE accounts").ok());
        auto view = makeView(db, {kIndex});
        QVERIFY(view);
        const int asked = m_confirmer.applyAsked; // the fixture's, shared by the cases
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QCOMPARE(m_confirmer.applyAsked, asked + 1);
        QCOMPARE(m_confirmer.refused.size(), 1);
        QVERIFY2(m_confirmer.refused.first().message.contains(QStringLiteral("100,001 rows")),
                 qPrintable(m_confirmer.refused.first().message));
        QVERIFY(!indexExists(db));
        ApplyForecastDialog dialog(*m_confirmer.forecast, m_confirmer.refused);
        QVERIFY(!dialog.applyButton()->isEnabled());
    }
};

QTEST_MAIN(TestApplyForecast)
#include "tst_applyforecast.moc"
