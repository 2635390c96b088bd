// Other tools' histories (app/core/foreign): each table made with its tool's own DDL and rows
// written the tool's way, then found and read; lookalikes left alone; adopt maps every entry
// to one folder or refuses (failed, dirty, unmatched, ambiguous); adopting writes our ledger
// under the lock and never the foreign table; adopt, then up one more, then down it.
// (History tables of an owner the console may not trust: tst_foreignledgertrust.cpp.)

#include "foreignledgertestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestForeignLedgers : public QObject
{
    Q_OBJECT

private slots:
    void eachToolsShapeIsRead_data() { addToolShapes(); }

    void eachToolsShapeIsRead()
    {
        QFETCH(QByteArray, ddl);
        QFETCH(QString, tool);
        QFETCH(QString, table);
        QFETCH(QStringList, entries);
        TestDatabase db;
        exec(db, ddl);
        const QList<ForeignLedger> found = readAll(db);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().tool.id, tool);
        QCOMPARE(found.first().qualifiedName(), table);
        QCOMPARE(describe(found.first()), entries);
        // the times the tools keep come back as UTC
        if (tool == QLatin1String("prisma"))
            QCOMPARE(found.first().entries.first().appliedAt,
                     QStringLiteral("2024-01-01T12:00:01Z"));
    }

    // A table of a tool's name but not its columns, a tool's table
    // outside the search path, and a custom name only when asked for.
    // Issue 57, point 10: a history table another role owns could say anything was applied.
    // adopt names its owner and refuses it (exit 3, our ledger not made), for every tool; the
    // plan the GUI's dialog shows refuses it too; foreign lists it with its owner, not trusted.
    // Handed over to the connected role, the table is taken over again.
    void lookalikesAndOtherSchemasAreLeftAlone()
    {
        TestDatabase db;
        exec(db,
             "CREATE TABLE schema_migrations (version text PRIMARY KEY);\n"
             "CREATE TABLE migrations (id serial, timestamp bigint, name text);\n"
             "CREATE SCHEMA hidden;\n"
             "CREATE TABLE hidden.pgmigrations (id SERIAL PRIMARY KEY, name varchar(255) "
             "NOT NULL, run_on timestamp NOT NULL);\n"
             "CREATE TABLE typeorm_history (\"id\" SERIAL NOT NULL, \"timestamp\" bigint "
             "NOT NULL, \"name\" character varying NOT NULL, PRIMARY KEY (\"id\"));\n"
             "INSERT INTO typeorm_history (timestamp, name) VALUES (1, 'A1');");
        QCOMPARE(readAll(db).size(), 0);
        const auto custom
            = readAll(db, QStringLiteral("typeorm"), QStringLiteral("typeorm_history"));
        QCOMPARE(custom.size(), 1);
        QCOMPARE(custom.first().qualifiedName(), QStringLiteral("public.typeorm_history"));
        QCOMPARE(custom.first().entries.size(), 1);
        exec(db,
             "ALTER DATABASE " + db.witness().quoteIdentifier(db.name())
                 + " SET search_path = public, hidden");
        QCOMPARE(readAll(db).size(), 1); // a new session sees hidden.pgmigrations now
    }

    void failedAndDirtyEntriesRefuse_data()
    {
        QTest::addColumn<QByteArray>("ddl");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("problem");
        QTest::newRow("prisma failed")
            << QByteArray(kPrisma
                          + "INSERT INTO _prisma_migrations (id, checksum, migration_name, "
                            "applied_steps_count) VALUES ('x', 'd', '20240103120000_tags', 0);")
            << "prisma"
            << "id=x (20240103120000_tags): failed in Prisma";
        QTest::newRow("golang-migrate dirty")
            << QByteArray(kGolangMigrate + "UPDATE schema_migrations SET dirty = true;")
            << "golang-migrate"
            << "version=2: dirty in golang-migrate";
        QTest::newRow("flyway failed")
            << QByteArray(kFlyway
                          + "UPDATE flyway_schema_history SET success = false WHERE "
                            "installed_rank = 2;")
            << "flyway"
            << "installed_rank=2 (V2__create_posts.sql): failed in Flyway";
    }

    void failedAndDirtyEntriesRefuse()
    {
        QFETCH(QByteArray, ddl);
        QFETCH(QString, tool);
        QFETCH(QString, problem);
        TestDatabase db;
        exec(db, ddl);
        MigrationFolder f;
        f.add(QStringLiteral("1_create_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("2_create_posts"), kPostsUp, kPostsDown);
        f.add(QStringLiteral("3_add_tags"), kTagsUp, kTagsDown);
        f.add(QStringLiteral("20240101120000_init"), "SELECT 1;", "SELECT 1;");
        f.add(QStringLiteral("20240102120000_add_posts"), "SELECT 2;", "SELECT 2;");
        f.add(QStringLiteral("20240103120000_tags"), "SELECT 3;", "SELECT 3;");
        Engine e(f.path(), db.conninfo());
        const AdoptionPlan plan = planFor(db, e, tool);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.problems.join(u'\n').contains(problem),
                 qPrintable(plan.problems.join(u'\n')));
        // and the CLI refuses with exit 3, our ledger untouched
        QProcess p;
        p.start(TestCluster::migrateBinary(),
                {QStringLiteral("--db"), db.conninfo(), QStringLiteral("--dir"), f.path(),
                 QStringLiteral("adopt"), QStringLiteral("--from"), tool});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(problem));
        QVERIFY(!tableExists(db, "uaip_ledger.uaip_schema_migrations"));
    }

    // An entry without a folder, a name that differs, two folders diesel cannot tell apart, and
    // two TypeORM rows on one folder: each listed, nothing adopted.
    void unmatchedAndAmbiguousEntriesRefuse()
    {
        TestDatabase db;
        exec(db,
             kTypeOrm
                 + "INSERT INTO migrations (timestamp, name) VALUES (1700000000002, "
                   "'CreatePosts1700000000002'), (1700000000009, 'Gone1700000000009');");
        exec(db, kDiesel);
        MigrationFolder f;
        f.add(QStringLiteral("1700000000001_create_comments"), "SELECT 1;", "SELECT 1;");
        f.add(QStringLiteral("1700000000002_create_posts"), "SELECT 2;", "SELECT 2;");
        f.add(QStringLiteral("2024-01-01-120000_a"), "SELECT 3;", "SELECT 3;");
        f.add(QStringLiteral("2024010112-0000_b"), "SELECT 4;", "SELECT 4;");
        Engine e(f.path(), db.conninfo());
        const AdoptionPlan typeorm = planFor(db, e, QStringLiteral("typeorm"));
        const QString problems = typeorm.problems.join(u'\n');
        QCOMPARE(typeorm.problems.size(), 3);
        QVERIFY2(problems.contains(
                     "id=1 (CreateUsers1700000000001): no folder of version 1700000000001 is "
                     "named \"CreateUsers\" (found: 1700000000001_create_comments)"),
                 qPrintable(problems));
        QVERIFY2(problems.contains("id=3 (CreatePosts1700000000002): folder "
                                   "1700000000002_create_posts: ambiguous: id=2 matches it too"),
                 qPrintable(problems));
        QVERIFY2(problems.contains("id=4 (Gone1700000000009): no folder <timestamp>_<name> for "
                                   "version 1700000000009"),
                 qPrintable(problems));
        const AdoptionPlan diesel = planFor(db, e, QStringLiteral("diesel"));
        QVERIFY2(diesel.problems.join(u'\n').contains(
                     "version=20240101120000: ambiguous: 2 folders match (2024-01-01-120000_a, "
                     "2024010112-0000_b)"),
                 qPrintable(diesel.problems.join(u'\n')));
    }

    // golang-migrate's one row and a Flyway baseline cover the folders below them; a Flyway undo
    // takes its version back; a Prisma row rolled back and applied again is one migration.
    void cumulativeBaselineUndoAndRolledBackRows()
    {
        TestDatabase db;
        exec(db, kGolangMigrate);
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        const AdoptionPlan golang = planFor(db, e, QStringLiteral("golang-migrate"));
        QVERIFY2(golang.ok(), qPrintable(golang.problems.join(u'\n')));
        QCOMPARE(golang.adoptCount(), 2);
        QCOMPARE(golang.pending, QStringList{QStringLiteral("0003_tags")});

        TestDatabase fdb;
        // the checksums Flyway records of these folders' files (adopt compares them)
        exec(fdb,
             QByteArray(kFlyway)
                     .replace("1234567", QByteArray::number(ForeignChecksum::flyway(kUsersUp)))
                     .replace("-7654321", QByteArray::number(ForeignChecksum::flyway(kPostsUp)))
                     .replace("(3, NULL, 'views', 'SQL', 'R__views.sql', 42, "
                              "'flyway', 3, true),",
                              "(3, '3', 'add tags', 'SQL', 'V3__add_tags.sql', 7, "
                              "'flyway', 3, true),")
                 + "INSERT INTO flyway_schema_history VALUES (0, '1', '<< Flyway Baseline "
                   ">>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'flyway', now(), 0, "
                   "true);");
        MigrationFolder ff;
        ff.add(QStringLiteral("1_create_users"), kUsersUp, kUsersDown);
        ff.add(QStringLiteral("2_create_posts"), kPostsUp, kPostsDown);
        ff.add(QStringLiteral("3_add_tags"), kTagsUp, kTagsDown);
        Engine fe(ff.path(), fdb.conninfo());
        const AdoptionPlan flyway = planFor(fdb, fe, QStringLiteral("flyway"));
        QVERIFY2(flyway.ok(), qPrintable(flyway.problems.join(u'\n')));
        QStringList adopted;
        for (const AdoptItem &i : flyway.items())
            adopted << i.version;
        QCOMPARE(adopted, (QStringList{"1", "2"})); // 3 was undone; 1 matched by name too
        QCOMPARE(flyway.pending, QStringList{QStringLiteral("3_add_tags")});

        TestDatabase pdb;
        exec(pdb,
             QByteArray(kPrisma)
                 .replace("repeat('a', 64)",
                          "'" + ForeignChecksum::prisma("SELECT 1;").toLatin1() + "'")
                 .replace("repeat('c', 64)",
                          "'" + ForeignChecksum::prisma("SELECT 2;").toLatin1() + "'"));
        MigrationFolder pf;
        pf.add(QStringLiteral("20240101120000_init"), "SELECT 1;", "SELECT 1;");
        pf.add(QStringLiteral("20240102120000_add_posts"), "SELECT 2;", "SELECT 2;");
        Engine pe(pf.path(), pdb.conninfo());
        const AdoptionPlan prisma = planFor(pdb, pe, QStringLiteral("prisma"));
        QVERIFY2(prisma.ok(), qPrintable(prisma.problems.join(u'\n')));
        QCOMPARE(prisma.adoptCount(), 2);
    }

    // The ledger refuses an adopt row without the migration lock, and an adopt event without
    // what it took over: the database's rules, whoever writes.
    void theLedgerRefusesAnAdoptWithoutTheLockOrDetail()
    {
        TestDatabase db;
        MigrationFolder f;
        addThree(f);
        Engine e(f.path(), db.conninfo());
        QVERIFY(e.runner->baseline(*MigrationVersion::parse(u"1")).ok()); // makes the ledger
        Ledger ledger(e.connection, QStringLiteral("tst"));
        LedgerEntry entry;
        entry.version = QStringLiteral("0002");
        entry.name = QStringLiteral("posts");
        entry.checksum = QStringLiteral("x");
        const Status unlocked = ledger.recordAdopted(entry, QStringLiteral("TypeORM row"));
        QVERIFY(!unlocked);
        QVERIFY2(unlocked.error().toString().contains("migration lock is not held"),
                 qPrintable(unlocked.error().toString()));
        QCOMPARE(ledgerCount(db), 1);
        const PgResult noDetail = db.witness().exec(
            "INSERT INTO uaip_ledger.uaip_migration_events (version, name, action, outcome) "
            "VALUES ('0002', 'posts', 'adopt', 'ok')");
        QVERIFY(!noDetail.ok());
        QCOMPARE(noDetail.error().constraint,
                 QStringLiteral("uaip_migration_events_adopt_detail_check"));
    }

    // The whole path: a TypeORM database whose schema TypeORM made, adopted (the foreign table
    // unchanged to the row version), then one more migration up and down again.
    void adoptThenUpOneMoreThenDownIt()
    {
        TestDatabase db;
        exec(db, kUsersUp + kPostsUp + kTypeOrm);
        const QString before = db.scalar(
            "SELECT string_agg(xmin::text || ':' || id || ':' || timestamp || ':' || name, ',' "
            "ORDER BY id) FROM migrations");
        MigrationFolder f;
        f.add(QStringLiteral("1700000000001_create_users"), kUsersUp, kUsersDown);
        f.add(QStringLiteral("1700000000002_CreatePosts"), kPostsUp, kPostsDown);
        f.add(QStringLiteral("1700000000003_add_tags"), kTagsUp, kTagsDown);
        Engine e(f.path(), db.conninfo());
        const AdoptionPlan plan = planFor(db, e, QStringLiteral("typeorm"));
        QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
        const RunResult adopted = e.runner->adopt(plan.items());
        QVERIFY2(adopted.ok(), qPrintable(adopted.message + adopted.problems.join(u'\n')));
        QCOMPARE(adopted.steps.size(), 2);
        QCOMPARE(ledgerCount(db), 2);
        QCOMPARE(db.scalar("SELECT string_agg(version || ' ' || action || ' ' || detail, '; ' "
                           "ORDER BY id) FROM uaip_ledger.uaip_migration_events"),
                 QStringLiteral("1700000000001 adopt TypeORM public.migrations id=1 "
                                "(CreateUsers1700000000001); 1700000000002 adopt TypeORM "
                                "public.migrations id=2 (CreatePosts1700000000002)"));
        // adopting again: nothing left to adopt, and a stale plan is refused
        QCOMPARE(planFor(db, e, QStringLiteral("typeorm")).adoptCount(), 0);
        const RunResult again = e.runner->adopt(plan.items());
        QCOMPARE(again.outcome, RunResult::Outcome::Blocked);
        QCOMPARE(ledgerCount(db), 2);

        const RunResult up = e.runner->up();
        QVERIFY2(up.ok(), qPrintable(up.message + up.problems.join(u'\n')));
        QCOMPARE(up.steps.size(), 1);
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns WHERE column_name "
                           "= 'tags'"),
                 QStringLiteral("1"));
        DownTarget one;
        one.steps = 1;
        const RunResult down = e.runner->down(one);
        QVERIFY2(down.ok(), qPrintable(down.message));
        QCOMPARE(down.steps.first().version, QStringLiteral("1700000000003"));
        QCOMPARE(ledgerCount(db), 2);
        QCOMPARE(db.scalar("SELECT count(*) FROM information_schema.columns WHERE column_name "
                           "= 'tags'"),
                 QStringLiteral("0"));
        // TypeORM's table: the same rows, never rewritten (xmin unchanged)
        QCOMPARE(db.scalar("SELECT string_agg(xmin::text || ':' || id || ':' || timestamp || ':' "
                           "|| name, ',' ORDER BY id) FROM migrations"),
                 before);
    }
};

QTEST_GUILESS_MAIN(TestForeignLedgers)
#include "tst_foreignledgers.moc"
