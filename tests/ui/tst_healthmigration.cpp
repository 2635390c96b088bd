// The Health view's "Create as migration..." against the real sandbox: the proposed index of a
// hot statement goes to the Migrations view, which proves it on the sandbox, shows it for review
// and writes it into its folder as the next, pending migration; Apply builds the index. Nothing
// is written without the review, nor into the bundled migrations (the banner says how to open a
// folder), and Open migrations folder reads the folder chosen. Workload since this migration,
// on a migration that dropped the index a hot statement used, names it as slower. The proof's
// scratch database is dropped after the answer reached the view (its DROP DATABASE waits for a
// checkpoint of the whole sandbox: 24 s after 10,000 tables were made there).
#include "health/healthview.h"
#include "indexadvice/indexmigrationjob.h"
#include "jobs/sessionworker.h"
#include "migrations/migrationtablemodel.h"
#include "migrationsviewtestutil.h"
#include "testcluster.h"

#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>

using namespace uaip;
using namespace uaip::test;

namespace {

const TestMigration kEvents
    = {"0001_events",
       "CREATE TABLE events (id bigserial PRIMARY KEY, agent_id int NOT NULL, kind text, "
       "created_at timestamptz NOT NULL);\n"
       "INSERT INTO events (agent_id, kind, created_at) SELECT g % 300, 'k' || (g % 5), "
       "timestamptz '2026-01-01' + g * interval '1 s' FROM generate_series(1, 30000) g;\n",
       "DROP TABLE events;\n"};

// The hot statement run as an application runs it.
bool runHot(const TestDatabase &db)
{
    PgConnection app;
    if (!app.open(db.conninfo(), QStringLiteral("health app")))
        return false;
    for (int i = 0; i < 20; ++i)
        if (!app.exec("SELECT id FROM events WHERE agent_id = $1 ORDER BY created_at DESC "
                      "LIMIT 10",
                      {i})
                 .ok())
            return false;
    return true;
}

} // namespace

class TestHealthMigration : public QObject, MigrationsViewFixture
{
    Q_OBJECT

    // The Health view on db with its Indexes tab read and the proposal selected.
    bool proposalSelected(HealthView &health, TestDatabase &db)
    {
        health.resize(1200, 800);
        health.show();
        QSignalSpy read(&health, &HealthView::refreshed);
        health.setTarget(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")));
        if (!read.wait(30000))
            return false;
        health.tabs()->setCurrentIndex(HealthView::IndexesTab);
        if (!read.wait(30000) || !read.last().at(1).toBool())
            return false;
        if (health.indexes()->index(0, 0).data().toString() != QLatin1String("proposed"))
            return false;
        health.indexView()->selectRow(0);
        return health.migrateButton()->isEnabled();
    }

private slots:
    void init() { m_confirmer = ScriptedConfirmer(); }

    void theProposalBecomesAPendingMigration()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;")
                    .ok());
        auto view = appliedView(db, {kEvents});
        QVERIFY(view);
        view->setSandboxDir(TestCluster::sandbox().rootDir());
        QVERIFY(db.witness().execScript("ANALYZE events;").ok());
        QVERIFY(runHot(db));
        HealthView health;
        QVERIFY(proposalSelected(health, db));
        connect(&health, &HealthView::migrationRequested, view.get(),
                &MigrationsView::createIndexMigration);

        // not written without the review's yes
        health.migrateButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_confirmer.indexReviewed.has_value(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 10000);
        QCOMPARE(m_confirmer.indexReviewed->action.kind, IndexAction::Kind::Create);
        QVERIFY(m_confirmer.indexReviewed->upSql.contains("CREATE INDEX CONCURRENTLY"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);

        m_confirmer.writeIndexMigration = true;
        m_confirmer.indexReviewed.reset();
        QSignalSpy refreshed(view.get(), &MigrationsView::refreshed);
        health.migrateButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfVersion(QStringLiteral("0002")) >= 0, 60000);
        // The refresh that showed 0002 was recorded by the spy (made before the click): the
        // wait ends on it, it never waits for a second one.
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && !view->isBusy(), 30000);
        const MigrationStatus *added
            = view->model()->statusAt(view->model()->rowOfVersion(QStringLiteral("0002")));
        QVERIFY(added && !added->isApplied());
        QCOMPARE(added->id(), QStringLiteral("0002_add_events_agent_id_created_at_idx"));
        QVERIFY2(view->bannerText().contains(QLatin1String("CONCURRENTLY")),
                 qPrintable(view->bannerText()));

        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QCOMPARE(db.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                           "'public.events_agent_id_created_at_idx'::regclass"),
                 QStringLiteral("t"));
    }

    void aDroppedIndexShowsAsSlowerInTheMigrationsView()
    {
        TestDatabase db;
        QVERIFY(db.witness().execScript("CREATE EXTENSION pg_stat_statements;").ok());
        const TestMigration index
            = {"0002_index", "CREATE INDEX events_agent ON events (agent_id, created_at);\n",
               "DROP INDEX events_agent;\n"};
        const TestMigration drop
            = {"0003_drop", "DROP INDEX events_agent;\n",
               "CREATE INDEX events_agent ON events (agent_id, created_at);\n"};
        auto view = makeView(db, {kEvents, index, drop});
        QVERIFY(view);
        QVERIFY(view->selectVersion(QStringLiteral("0002")));
        QVERIFY(runAndWait(view.get(), view->actions()->applyToSelected));
        QVERIFY(db.witness().execScript("ANALYZE events;").ok());
        QVERIFY(runHot(db));
        QVERIFY(runAndWait(view.get(), view->actions()->applyAll));
        QVERIFY(runHot(db));
        QVERIFY(view->selectVersion(QStringLiteral("0003")));
        QVERIFY(view->actions()->workloadSince->isEnabled());
        const int shown = m_confirmer.textsShown;
        view->actions()->workloadSince->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_confirmer.textsShown > shown, 30000);
        QVERIFY2(m_confirmer.shownText.contains(QLatin1String("1 statement(s) slower since 0003")),
                 qPrintable(m_confirmer.shownText));
        QVERIFY(m_confirmer.shownText.contains(QLatin1String("SLOWER: ")));
        QVERIFY(m_confirmer.shownText.contains(QLatin1String("events_agent")));
        // a pending migration has nothing to compare
        QVERIFY(view->selectVersion(QStringLiteral("0001")));
        QVERIFY(view->actions()->workloadSince->isEnabled());
    }

    void theBundledMigrationsAreNeverWritten()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;")
                    .ok());
        auto view = appliedView(db, {kEvents});
        QVERIFY(view);
        QVERIFY(runHot(db));
        HealthView health;
        QVERIFY(proposalSelected(health, db));
        connect(&health, &HealthView::migrationRequested, view.get(),
                &MigrationsView::createIndexMigration);
        QVERIFY(view->setMigrationsDir(MigrationSource::bundledDir()));
        health.migrateButton()->click();
        QVERIFY(view->bannerIsError());
        QVERIFY2(view->bannerText().contains(QLatin1String("Open migrations folder")),
                 qPrintable(view->bannerText()));
        QVERIFY(!view->isBusy());

        // Open migrations folder reads the folder chosen, and tells who follows it
        QSignalSpy changed(view.get(), &MigrationsView::migrationsDirChanged);
        m_confirmer.chosenDir = m_dir->path();
        view->actions()->openFolder->trigger();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(view->source().dir(), m_dir->path());
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfVersion(QStringLiteral("0001")) >= 0, 30000);
    }
    void theProofsScratchIsDroppedAfterTheAnswer()
    {
        TestDatabase db;
        QVERIFY(db.witness()
                    .execScript("CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;")
                    .ok());
        auto view = appliedView(db, {kEvents});
        QVERIFY(view);
        QVERIFY(db.witness().execScript("ANALYZE events;").ok());
        QVERIFY(runHot(db));
        HealthView health;
        QVERIFY(proposalSelected(health, db));
        std::optional<IndexAction> action;
        connect(&health, &HealthView::migrationRequested, this,
                [&action](const IndexAction &a) { action = a; });
        health.migrateButton()->click();
        QVERIFY(action.has_value());

        auto *job = new IndexMigrationJob(TestCluster::sandbox().rootDir(),
                                          view->source().migrations(), *action);
        QStringList seen; // in the order the view receives them
        QString scratch;
        connect(job, &Job::finished, this, [&seen](bool ok, const QString &summary) {
            seen << (ok ? QStringLiteral("finished") : QStringLiteral("failed: ") + summary);
        });
        connect(job, &Job::logLine, this, [&seen, &scratch](const QString &line) {
            if (line.startsWith(QLatin1String("the proof's scratch database "))) {
                scratch = line.section(u' ', 4, 4);
                seen << QStringLiteral("dropped");
            }
        });
        SessionWorker worker(SessionSpec::from(db.profile(), QString(), QStringLiteral("test")),
                             QStringLiteral("index migration"));
        worker.post(job);
        QTRY_VERIFY_WITH_TIMEOUT(seen.size() == 2, 60000);
        QCOMPARE(seen, QStringList({QStringLiteral("finished"), QStringLiteral("dropped")}));
        QVERIFY(scratch.startsWith(QLatin1String("uaip_index_")));
        // the sandbox keeps running, so the drop goes on there without the job (issue 62)
        QTRY_COMPARE_WITH_TIMEOUT(
            db.scalar("SELECT count(*) FROM pg_database WHERE datname = $1", {scratch}),
            QStringLiteral("0"), 60000);
    }
};

QTEST_MAIN(TestHealthMigration)
#include "tst_healthmigration.moc"
