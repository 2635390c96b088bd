// Issue 59, point 1 in the GUI: Migrations > New Online Change... asks for a name and one
// statement, proves the expand and the contract on the sandbox, shows the four files for review
// and writes both folders, which the view lists as pending; applying the expand leaves it
// "awaiting its contract". A refused statement says why and writes nothing; nothing is written
// without the review.
#include "i18n/translations.h"
#include "migrations/migrationtablemodel.h"
#include "migrations/onlinechangedialog.h"
#include "migrations/onlinechangereviewdialog.h"
#include "migrationsviewtestutil.h"
#include "testcluster.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>

using namespace uaip;
using namespace uaip::test;

class TestMigrationsOnline : public QObject, MigrationsViewFixture
{
    Q_OBJECT

    std::unique_ptr<MigrationsView> accounts(TestDatabase &db)
    {
        auto view = appliedView(db, {kFirst});
        if (view)
            view->setSandboxDir(TestCluster::sandbox().rootDir());
        return view;
    }

    QStringList folders() const
    {
        return QDir(m_dir->path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("UAIP_LANG") == u"de")
            Translations::install(QLocale(QLocale::German, QLocale::Germany));
    }
    void init() { m_confirmer = ScriptedConfirmer(); }

    void writesTheProvedPairAndTheExpandAwaitsItsContract()
    {
        TestDatabase db;
        auto view = accounts(db);
        QVERIFY(view);
        QVERIFY(view->actions()->newOnlineChange->isEnabled());
        m_confirmer.onlineRequest = OnlineChangeRequest{
            QStringLiteral("rename_name"), "ALTER TABLE accounts RENAME COLUMN name TO full_name"};
        m_confirmer.writeOnline = true;
        QCOMPARE(runOutcome(view.get(), view->actions()->newOnlineChange), true);
        QVERIFY(m_confirmer.onlineReviewed);
        QCOMPARE(m_confirmer.onlineReviewed->proof.size(), 9);
        QCOMPARE(folders(),
                 (QStringList{QStringLiteral("0001_accounts"), QStringLiteral("0002_rename_name"),
                              QStringLiteral("0003_rename_name_contract")}));
        QCOMPARE(view->model()->rowCount(), 3);
        QCOMPARE(view->model()->statuses().at(1).state, MigrationState::Pending);
        // the expand applied (Apply to selected), its contract pending: said in the State column
        view->selectVersion(QStringLiteral("0002"));
        QVERIFY(runAndWait(view.get(), view->actions()->applyToSelected));
        const QString state
            = view->model()->data(view->model()->index(1, MigrationTableModel::State)).toString();
        QVERIFY2(state.contains(QStringLiteral("0003_rename_name_contract")), qPrintable(state));
        QCOMPARE(db.scalar("SELECT count(*) FROM accounts WHERE name IS DISTINCT FROM full_name"),
                 QStringLiteral("0"));
    }

    void refusedOrDiscardedWritesNothing()
    {
        TestDatabase db;
        auto view = accounts(db);
        QVERIFY(view);
        // no name asked: nothing runs
        view->actions()->newOnlineChange->trigger();
        QCOMPARE(folders().size(), 1);
        // a statement with no online form: said, nothing written
        m_confirmer.onlineRequest
            = OnlineChangeRequest{QStringLiteral("add_c"), "ALTER TABLE accounts ADD COLUMN c int"};
        view->actions()->newOnlineChange->trigger();
        QVERIFY(QTest::qWaitFor([&] { return m_confirmer.textsShown > 0; }, 60000));
        QVERIFY2(m_confirmer.shownText.contains(QStringLiteral("no online form")),
                 qPrintable(m_confirmer.shownText));
        QCOMPARE(folders().size(), 1);
        // proved, then discarded in the review
        m_confirmer.onlineRequest = OnlineChangeRequest{
            QStringLiteral("rename_name"), "ALTER TABLE accounts RENAME COLUMN name TO full_name"};
        m_confirmer.writeOnline = false;
        QVERIFY(
            QTest::qWaitFor([&] { return view->actions()->newOnlineChange->isEnabled(); }, 30000));
        view->actions()->newOnlineChange->trigger();
        QVERIFY(QTest::qWaitFor([&] { return m_confirmer.onlineReviewed.has_value(); }, 60000));
        QCOMPARE(folders().size(), 1);
    }

    void dialogsAskAndShowTheFourFiles()
    {
        OnlineChangeDialog ask;
        ask.nameEdit()->setText(QStringLiteral("rename_x"));
        ask.sqlEdit()->setPlainText(QStringLiteral("ALTER TABLE t RENAME COLUMN a TO b"));
        QCOMPARE(ask.request().name, QStringLiteral("rename_x"));
        QCOMPARE(ask.request().sql, QByteArray("ALTER TABLE t RENAME COLUMN a TO b"));
        OnlineChangePair pair;
        pair.description = QStringLiteral("rename column a of t to b");
        pair.expandFolder = QStringLiteral("0002_rename_x");
        pair.contractFolder = QStringLiteral("0003_rename_x_contract");
        pair.scripts.expandUp = "-- uaip:expand\nALTER TABLE t ADD COLUMN b int;\n";
        pair.scripts.expandDown = "ALTER TABLE t DROP COLUMN b;\n";
        pair.scripts.contractUp = "-- uaip:contract-of 0002\nALTER TABLE t DROP COLUMN a;\n";
        pair.scripts.contractDown = "ALTER TABLE t ADD COLUMN a int;\n";
        pair.proof << QStringLiteral("0002_rename_x applied");
        OnlineChangeReviewDialog review(pair, QStringLiteral("/tmp/m"));
        QCOMPARE(review.tabs()->count(), 4);
        pair.scripts.single = true;
        OnlineChangeReviewDialog single(pair, QStringLiteral("/tmp/m"));
        QCOMPARE(single.tabs()->count(), 2);
        // UAIP_SHOTS=DIR: both dialogs as pictures, to look at them (UAIP_LANG=de: in German)
        if (const QString dir = qEnvironmentVariable("UAIP_SHOTS"); !dir.isEmpty()) {
            ask.show();
            review.show();
            QVERIFY(QTest::qWaitForWindowExposed(&review));
            QVERIFY(ask.grab().save(dir + QStringLiteral("/online-ask.png")));
            QVERIFY(review.grab().save(dir + QStringLiteral("/online-review.png")));
        }
    }
};

QTEST_MAIN(TestMigrationsOnline)
#include "tst_migrationsonline.moc"
