// The Migrations view's foreign-history section and its "Adopt history…" dialog: a TypeORM
// history is shown beside ours, the dialog maps its entries onto our folders (the dry run),
// Adopt records them in our ledger; an entry without a folder disables Adopt and says why. Without
// a ledger of ours the banner says whose history it is; the adopt event shows its detail.
#include "migrations/adoptdialog.h"
#include "migrations/eventtablemodel.h"
#include "migrations/foreignhistorysection.h"
#include "migrations/migrationdetailpane.h"
#include "migrations/migrationtablemodel.h"
#include "migrationsviewtestutil.h"

#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

using namespace uaip;
using namespace uaip::test;

namespace {

const TestMigration kAccounts
    = {"1700000000001_create_accounts", "CREATE TABLE accounts (id int PRIMARY KEY, name text);\n",
       "DROP TABLE accounts;\n"};
const TestMigration kItems
    = {"1700000000002_create_items", "CREATE TABLE items (id int);\n", "DROP TABLE items;\n"};

} // namespace

class TestForeignHistory : public QObject, private MigrationsViewFixture
{
    Q_OBJECT

private slots:
    void typeOrmHistoryIsShownAndAdopted()
    {
        TestDatabase db;
        // what TypeORM left: its table (its own DDL) and the schema its one migration made
        QVERIFY(
            db.witness()
                .execScript(
                    R"sql(CREATE TABLE "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL,
  "name" character varying NOT NULL, CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"));
INSERT INTO "migrations"("timestamp", "name") VALUES (1700000000001, 'CreateAccounts1700000000001');
CREATE TABLE accounts (id int PRIMARY KEY, name text);)sql")
                .ok());
        auto view = std::make_unique<MigrationsView>(&m_jobs);
        auto *section = view->findChild<ForeignHistorySection *>();
        QVERIFY(section);
        QSignalSpy loaded(section, &ForeignHistorySection::loaded);
        QTemporaryDir dir;
        QVERIFY(writeMigrations(dir.path(), {kAccounts, kItems}));
        view->setConfirmer(&m_confirmer);
        QVERIFY(view->setMigrationsDir(dir.path()));
        view->setTarget(specOf(db));
        view->show();
        QVERIFY(loaded.wait(30000));
        QVERIFY(section->isVisible());
        const auto *label = section->findChild<QLabel *>(QStringLiteral("foreignLedgerLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(),
                 QStringLiteral("History kept by TypeORM (1 applied) in "
                                "public.migrations"));
        // without a ledger of ours the banner names whose history it is, not "no ledger yet"
        QCOMPARE(view->bannerText(),
                 QStringLiteral("This database has no migration ledger of ours yet: its history is "
                                "kept by TypeORM (1 applied). Take it over with \"Adopt history…\" "
                                "below; an apply before that would run the migrations already "
                                "applied once more."));

        dryRunThenAdopt(*view, *section, db);
        if (QTest::currentTestFailed())
            return;
        adoptEventShown(*view);
        if (QTest::currentTestFailed())
            return;
        entryWithoutAFolderRefused(*view, *section, db);
    }

private:
    // The dialog's dry run maps the entry and writes nothing; Adopt records it in our ledger.
    void dryRunThenAdopt(MigrationsView &view, ForeignHistorySection &section, TestDatabase &db)
    {
        AdoptDialog *dialog = section.openAdoptDialog(0);
        QVERIFY(dialog);
        QVERIFY2(dialog->summaryText().startsWith(
                     QStringLiteral("Dry run: adopting records 1 migration")),
                 qPrintable(dialog->summaryText()));
        QVERIFY(dialog->summaryText().contains(
            QStringLiteral("Stay pending (no row of TypeORM's history takes them over): "
                           "1700000000002_create_items")));
        QCOMPARE(dialog->mapping()->rowCount(), 1);
        QCOMPARE(dialog->mapping()->item(0, 2)->text(),
                 QStringLiteral("1700000000001_create_accounts"));
        QCOMPARE(dialog->mapping()->item(0, 3)->text(), QStringLiteral("adopt"));
        QVERIFY(dialog->adoptButton()->isEnabled());
        if (qEnvironmentVariableIsSet("UAIP_GRAB_DIR")) { // to look at them
            view.resize(1280, 800);
            view.grab().save(qEnvironmentVariable("UAIP_GRAB_DIR") + "/foreignhistory.png");
            dialog->grab().save(qEnvironmentVariable("UAIP_GRAB_DIR") + "/adoptdialog.png");
        }
        QCOMPARE(db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL"),
                 QStringLiteral("t")); // the dry run wrote nothing

        QSignalSpy adopted(&section, &ForeignHistorySection::adoptFinished);
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        dialog->adoptButton()->click();
        QVERIFY(adopted.wait(30000));
        QVERIFY2(adopted.first().first().toBool(), qPrintable(section.lastMessage()));
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(db.scalar("SELECT string_agg(version || ' ' || detail, '; ') FROM "
                           "uaip_ledger.uaip_migration_events WHERE action = 'adopt'"),
                 QStringLiteral("1700000000001 TypeORM public.migrations id=1 "
                                "(CreateAccounts1700000000001)"));
        const int row = view.model()->rowOfVersion(QStringLiteral("1700000000001"));
        QCOMPARE(view.model()->statusAt(row)->state, MigrationState::Applied);
        QVERIFY2(view.bannerText().isEmpty(), qPrintable(view.bannerText())); // ours now
    }

    // The adopt event shows the tool and the foreign row it took over, in the History tab and
    // in the migration's own Events.
    void adoptEventShown(MigrationsView &view)
    {
        const QString detail
            = QStringLiteral("TypeORM public.migrations id=1 (CreateAccounts1700000000001)");
        EventTableModel *history = view.history();
        QCOMPARE(history->rowCount(), 1);
        QCOMPARE(history->headerData(EventTableModel::Detail, Qt::Horizontal).toString(),
                 QStringLiteral("Detail"));
        QCOMPARE(history->index(0, EventTableModel::Action).data().toString(),
                 QStringLiteral("adopt"));
        QCOMPARE(history->index(0, EventTableModel::Detail).data().toString(), detail);
        QCOMPARE(history->index(0, EventTableModel::Detail).data(Qt::ToolTipRole).toString(),
                 detail);
        QVERIFY(view.selectVersion(QStringLiteral("1700000000001")));
        auto *events = view.details()->findChild<QTableView *>(QStringLiteral("migrationEvents"));
        QVERIFY(events);
        QCOMPARE(events->model()->index(0, EventTableModel::Detail).data().toString(), detail);
    }

    // An entry without a folder: Adopt is off, and the dialog says which entry.
    void entryWithoutAFolderRefused(MigrationsView &view, ForeignHistorySection &section,
                                    TestDatabase &db)
    {
        QVERIFY(db.witness()
                    .exec("INSERT INTO migrations (timestamp, name) VALUES (1700000000009, "
                          "'Gone1700000000009')")
                    .ok());
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            !section.ledgers().isEmpty() && section.ledgers().first().entries.size() == 2, 30000);
        AdoptDialog *refused = section.openAdoptDialog(0);
        QVERIFY(refused);
        QVERIFY(!refused->adoptButton()->isEnabled());
        QVERIFY2(refused->summaryText().contains(
                     QStringLiteral("id=2 (Gone1700000000009): no folder <timestamp>_<name> for "
                                    "version 1700000000009")),
                 qPrintable(refused->summaryText()));
        QCOMPARE(refused->mapping()->item(0, 3)->text(), QStringLiteral("applied already"));
        refused->reject();
    }
};

QTEST_MAIN(TestForeignHistory)
#include "tst_foreignhistory.moc"
