// Issue 23, point 4 in the GUI: "Generate migration from drift..." in the Migrations view. A
// database changed by hand gets the next migration folder, generated and proved on the
// sandbox, shown for review, written, and (on request) recorded as applied there; nothing
// is written without a name and a review, and the bundled migrations are never written.
#include "migrations/generatedmigrationdialog.h"
#include "migrations/migrationtablemodel.h"
#include "migrationsviewtestutil.h"
#include "testcluster.h"
#include "widgets/sqlview.h"

#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>

using namespace uaip;
using namespace uaip::test;

class TestMigrationsGenerate : public QObject, MigrationsViewFixture
{
    Q_OBJECT

    std::unique_ptr<MigrationsView> changedByHand(TestDatabase &db)
    {
        auto view = appliedView(db, {kFirst});
        if (!view)
            return nullptr;
        view->setSandboxDir(TestCluster::sandbox().rootDir());
        const PgResult r = db.witness().execScript(
            "ALTER TABLE accounts ADD COLUMN email text;\n"
            "CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));\n"
            "COMMENT ON TABLE accounts IS 'who pays';\n");
        if (!r.ok())
            qWarning("%s", qPrintable(r.error().toString()));
        return r.ok() ? std::move(view) : nullptr;
    }

    QString folder(const QString &name) const { return m_dir->path() + u'/' + name; }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void init() { m_confirmer = ScriptedConfirmer(); } // each case its own answers

    void writeAndRecordLeavesNothingPending()
    {
        TestDatabase db;
        auto view = changedByHand(db);
        QVERIFY(view);
        m_confirmer.migrationName = QStringLiteral("hand_changes");
        m_confirmer.generatedChoice = Confirmer::GeneratedChoice::WriteAndRecord;
        QCOMPARE(runOutcome(view.get(), view->actions()->generateMigration), true);

        QVERIFY(m_confirmer.reviewed);
        QCOMPARE(m_confirmer.reviewedFolder, folder(QStringLiteral("0002_hand_changes")));
        QVERIFY(m_confirmer.recordOffered);
        const QByteArray up = read(folder(QStringLiteral("0002_hand_changes/up.sql")));
        QVERIFY2(up.contains("ALTER TABLE public.accounts ADD COLUMN email text;"), up.constData());
        QVERIFY2(up.contains("CREATE UNIQUE INDEX accounts_email ON public.accounts USING btree "
                             "(lower(email));"),
                 up.constData());
        QVERIFY2(up.contains("COMMENT ON TABLE public.accounts IS 'who pays';"), up.constData());
        QVERIFY(read(folder(QStringLiteral("0002_hand_changes/down.sql")))
                    .contains("ALTER TABLE public.accounts DROP COLUMN email;"));
        // Recorded (baseline), not run: the column was already there.
        QCOMPARE(db.scalar("SELECT string_agg(version, ',' ORDER BY version) FROM "
                           "uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("0001,0002"));
        QCOMPARE(db.scalar("SELECT action FROM uaip_ledger.uaip_migration_events "
                           "WHERE version = '0002' ORDER BY id DESC LIMIT 1"),
                 QStringLiteral("baseline"));
        QCOMPARE(view->model()->rowCount(), 2);
        QCOMPARE(view->model()->statuses().constLast().state, MigrationState::Applied);
    }

    void writeOnlyLeavesItPendingAndSaysWhy()
    {
        TestDatabase db;
        auto view = changedByHand(db);
        QVERIFY(view);
        m_confirmer.migrationName = QStringLiteral("hand_changes");
        m_confirmer.generatedChoice = Confirmer::GeneratedChoice::Write;
        QCOMPARE(runOutcome(view.get(), view->actions()->generateMigration), true);
        QVERIFY(QFile::exists(folder(QStringLiteral("0002_hand_changes/up.sql"))));
        QCOMPARE(view->model()->statuses().constLast().state, MigrationState::Pending);
        QVERIFY2(view->bannerText().contains(QStringLiteral("already has its schema")),
                 qPrintable(view->bannerText()));
        QCOMPARE(db.scalar("SELECT count(*) FROM uaip_ledger.uaip_schema_migrations"),
                 QStringLiteral("1"));
    }

    void discardedOrUnnamedWritesNothing()
    {
        TestDatabase db;
        auto view = changedByHand(db);
        QVERIFY(view);
        m_confirmer.migrationName.clear(); // the user cancels the name question
        view->actions()->generateMigration->trigger();
        QCOMPARE(m_confirmer.nameAsked, 1);
        QVERIFY(!view->isBusy());

        m_confirmer.migrationName = QStringLiteral("hand_changes");
        m_confirmer.generatedChoice = Confirmer::GeneratedChoice::Discard;
        view->actions()->generateMigration->trigger();
        QVERIFY(QTest::qWaitFor([&] { return m_confirmer.reviewed.has_value(); }, 60000));
        QVERIFY(QTest::qWaitFor([&] { return !view->isBusy(); }, 5000));
        QVERIFY(!QFile::exists(folder(QStringLiteral("0002_hand_changes"))));
        QVERIFY(view->bannerText().contains(QStringLiteral("was not written")));
    }

    void noDriftSaysSo()
    {
        TestDatabase db;
        auto view = appliedView(db, {kFirst});
        QVERIFY(view);
        view->setSandboxDir(TestCluster::sandbox().rootDir());
        m_confirmer.migrationName = QStringLiteral("nothing");
        view->actions()->generateMigration->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !view->isBusy(); }, 60000));
        QVERIFY2(view->bannerText().contains(QStringLiteral("No drift")),
                 qPrintable(view->bannerText()));
        QVERIFY(!m_confirmer.reviewed);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    }

    void readOnlyProfileIsNotOfferedTheRecord()
    {
        TestDatabase db;
        {
            auto writable = changedByHand(db);
            QVERIFY(writable);
        }
        auto view = makeView(db, {kFirst}, readOnlyFlags());
        QVERIFY(view);
        view->setSandboxDir(TestCluster::sandbox().rootDir());
        m_confirmer.migrationName = QStringLiteral("hand_changes");
        m_confirmer.generatedChoice = Confirmer::GeneratedChoice::Discard;
        view->actions()->generateMigration->trigger();
        QVERIFY(QTest::qWaitFor([&] { return m_confirmer.reviewed.has_value(); }, 60000));
        QVERIFY(!m_confirmer.recordOffered);
    }

    void bundledMigrationsAreNotWritten()
    {
        TestDatabase db;
        JobManager jobs;
        MigrationsView view(&jobs);
        view.setConfirmer(&m_confirmer);
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        view.setTarget(specOf(db));
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!view.actions()->generateMigration->isEnabled());
        QVERIFY(view.actions()->generateMigration->toolTip().contains(QStringLiteral("read-only")));
    }

    void dialogShowsBothFilesAndTheReview()
    {
        DriftMigration m;
        m.folderName = QStringLiteral("0002_x");
        m.upSql = "ALTER TABLE t ADD COLUMN c int;\n";
        m.downSql = "ALTER TABLE t DROP COLUMN c;\n";
        m.drift << SchemaSnapshot::Difference{SchemaSnapshot::Difference::Kind::Added,
                                              QStringLiteral("column public.t.c"),
                                              {},
                                              QStringLiteral("#2 integer")};
        m.up.notes << GeneratorNote{GeneratorNote::Kind::HeldBack,
                                    QStringLiteral("table public.old"),
                                    QStringLiteral("drops table public.old and the data it holds")};
        GeneratedMigrationDialog dialog(m, QStringLiteral("/tmp/m/0002_x"), QStringLiteral("db"),
                                        false);
        QCOMPARE(dialog.tabs()->count(), 3);
        QCOMPARE(dialog.tabs()->tabText(0), QStringLiteral("up.sql"));
        auto *up = qobject_cast<SqlView *>(dialog.tabs()->widget(0));
        QVERIFY(up);
        QCOMPARE(up->text(), QString::fromUtf8(m.upSql));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("writeAndRecord"))->isEnabled());
        auto *notes = dialog.findChild<QListWidget *>(QStringLiteral("reviewNotes"));
        QVERIFY(notes);
        QCOMPARE(notes->item(0)->text(),
                 QStringLiteral("drops table public.old and the data it holds"));
        dialog.findChild<QPushButton *>(QStringLiteral("writeFiles"))->click();
        QCOMPARE(dialog.choice(), Confirmer::GeneratedChoice::Write);
    }
};

QTEST_MAIN(TestMigrationsGenerate)
#include "tst_migrationsgenerate.moc"
