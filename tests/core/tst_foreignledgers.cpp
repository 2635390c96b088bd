// Other tools' histories (app/core/foreign): each table made with its tool's own DDL and rows
// written the tool's way, then found and read; lookalikes left alone; adopt maps every entry
// to one folder or refuses (failed, dirty, unmatched, ambiguous); adopting writes our ledger
// under the lock and never the foreign table; adopt, then up one more, then down it. A history
// table owned by a role the connected one may not believe (issue 57, point 10) is shown with its
// owner and refused by adopt, for every tool; reading one runs none of its owner's code.
#include "approle.h"
#include "foreign/adoptionplanner.h"
#include "foreign/foreignledgerreader.h"
#include "migrate/ledger.h"
#include "migrationrunnertestutil.h"
#include "testcluster.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QProcess>

using namespace uaip;
using namespace uaip::test;

namespace {

// The DDL each tool runs on PostgreSQL (from its source), and rows as it writes them.
const QByteArray kTypeOrm
    = R"sql(CREATE TABLE "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL,
  "name" character varying NOT NULL, CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"));
INSERT INTO "migrations"("timestamp", "name") VALUES (1700000000001, 'CreateUsers1700000000001');
INSERT INTO "migrations"("timestamp", "name") VALUES (1700000000002, 'CreatePosts1700000000002');
)sql";
const QByteArray kPrisma = R"sql(CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
VALUES ('0b6a1c2e-0000-4000-8000-000000000001', repeat('a', 64), '2024-01-01 12:00:01+00',
        '20240101120000_init', '2024-01-01 12:00:00+00', 1),
       ('0b6a1c2e-0000-4000-8000-000000000002', repeat('b', 64), NULL,
        '20240102120000_add_posts', '2024-01-02 12:00:00+00', 0);
UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '20240102120000_add_posts';
INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
VALUES ('0b6a1c2e-0000-4000-8000-000000000003', repeat('c', 64), '2024-01-03 12:00:01+00',
        '20240102120000_add_posts', '2024-01-03 12:00:00+00', 1);
)sql";
const QByteArray kFlyway = R"sql(CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "execution_time", "success")
VALUES (1, '1', 'create users', 'SQL', 'V1__create_users.sql', 1234567, 'flyway', 12, true),
       (2, '2', 'create posts', 'SQL', 'V2__create_posts.sql', -7654321, 'flyway', 8, true),
       (3, NULL, 'views', 'SQL', 'R__views.sql', 42, 'flyway', 3, true),
       (4, '3', 'add tags', 'UNDO_SQL', 'U3__add_tags.sql', 99, 'flyway', 2, true);
)sql";
const QByteArray kDbmate
    = R"sql(create table if not exists "public"."schema_migrations" (version varchar primary key);
insert into "public"."schema_migrations" (version) values ('20240101120000'), ('20240102120000');
)sql";
const QByteArray kGolangMigrate
    = R"sql(CREATE TABLE IF NOT EXISTS "schema_migrations" (version bigint not null primary key, dirty boolean not null);
INSERT INTO "schema_migrations" (version, dirty) VALUES (2, false);
)sql";
const QByteArray kNodePgMigrate = R"sql(CREATE TABLE "public"."pgmigrations" (
  id SERIAL PRIMARY KEY,
  name varchar(255) NOT NULL,
  run_on timestamp NOT NULL
);
INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('1700000000001_create-users', NOW());
INSERT INTO "public"."pgmigrations" (name, run_on) VALUES ('1700000000002_create-posts', NOW());
)sql";
const QByteArray kDiesel = R"sql(CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
       version VARCHAR(50) PRIMARY KEY NOT NULL,
       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO __diesel_schema_migrations (version) VALUES ('20240101120000'), ('20240102120000');
)sql";

void exec(TestDatabase &db, const QByteArray &sql)
{
    const PgResult r = db.witness().execScript(sql);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
}

DbResult<QList<ForeignLedger>> readAs(const QString &conninfo, const QString &tool = {})
{
    PgConnection c;
    if (!c.open(conninfo, QStringLiteral("tst_foreignledgers")))
        qFatal("connect: %s", qPrintable(c.connectionError()));
    return ForeignLedgerReader(c).read(tool);
}

QList<ForeignLedger> readAll(TestDatabase &db, const QString &tool = {}, const QString &table = {})
{
    PgConnection c;
    if (!c.open(db.conninfo(), QStringLiteral("tst_foreignledgers")))
        qFatal("connect: %s", qPrintable(c.connectionError()));
    auto read = ForeignLedgerReader(c).read(tool, table);
    if (!read)
        qFatal("read: %s", qPrintable(read.error().toString()));
    return read.take();
}

// A role of the cluster that is neither the superuser nor the connected one (NOLOGIN), dropped
// with what it owns.
struct OtherRole
{
    TestDatabase &db;
    QString name;
    QString quoted;

    explicit OtherRole(TestDatabase &database)
        : db(database)
        , name(QStringLiteral("other ") + database.name().right(8))
        , quoted(QString::fromUtf8(database.witness().quoteIdentifier(name)))
    {
        exec(db, "CREATE ROLE " + quoted.toUtf8());
    }
    ~OtherRole()
    {
        db.witness().exec("DROP OWNED BY " + quoted.toUtf8());
        db.witness().exec("DROP ROLE " + quoted.toUtf8());
    }
    OtherRole(const OtherRole &) = delete;
    OtherRole &operator=(const OtherRole &) = delete;
};

QStringList describe(const ForeignLedger &l)
{
    QStringList out;
    for (const ForeignEntry &e : l.entries)
        out << QStringList{e.ref, e.version, e.name, e.state, e.kind, e.checksum}.join(u'|');
    return out;
}

AdoptionPlan planFor(TestDatabase &db, Engine &e, const QString &tool)
{
    const auto ledgers = readAll(db, tool);
    if (ledgers.size() != 1)
        qFatal("expected one %s ledger, found %d", qPrintable(tool), int(ledgers.size()));
    const auto statuses = e.runner->status();
    if (!statuses)
        qFatal("status: %s", qPrintable(why(statuses)));
    return AdoptionPlanner::plan(ledgers.first(), statuses.value());
}

} // namespace

class TestForeignLedgers : public QObject
{
    Q_OBJECT

private slots:
    void eachToolsShapeIsRead_data()
    {
        QTest::addColumn<QByteArray>("ddl");
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QStringList>("entries");
        QTest::newRow("typeorm") << kTypeOrm << "typeorm"
                                 << "public.migrations"
                                 << QStringList{
                                        "id=1|1700000000001|CreateUsers|applied|versioned|",
                                        "id=2|1700000000002|CreatePosts|applied|versioned|"};
        QTest::newRow("prisma")
            << kPrisma << "prisma"
            << "public._prisma_migrations"
            // in Prisma's order: finished_at, then the name; the rolled-back row (never
            // finished) last
            << QStringList{"id=0b6a1c2e-0000-4000-8000-000000000001|20240101120000|init|applied|"
                           "versioned|"
                               + QString(64, u'a'),
                           "id=0b6a1c2e-0000-4000-8000-000000000003|20240102120000|add_posts|"
                           "applied|versioned|"
                               + QString(64, u'c'),
                           "id=0b6a1c2e-0000-4000-8000-000000000002|20240102120000|add_posts|"
                           "rolled back|versioned|"
                               + QString(64, u'b')};
        QTest::newRow("flyway") << kFlyway << "flyway"
                                << "public.flyway_schema_history"
                                << QStringList{"installed_rank=1|1|create users|applied|versioned|"
                                               "1234567",
                                               "installed_rank=2|2|create posts|applied|versioned|"
                                               "-7654321",
                                               "installed_rank=3||views|applied|repeatable|42",
                                               "installed_rank=4|3|add tags|applied|undo|99"};
        QTest::newRow("dbmate") << kDbmate << "dbmate"
                                << "public.schema_migrations"
                                << QStringList{"version=20240101120000|20240101120000||applied|"
                                               "versioned|",
                                               "version=20240102120000|20240102120000||applied|"
                                               "versioned|"};
        QTest::newRow("golang-migrate")
            << kGolangMigrate << "golang-migrate"
            << "public.schema_migrations" << QStringList{"version=2|2||applied|versioned|"};
        QTest::newRow("node-pg-migrate")
            << kNodePgMigrate << "node-pg-migrate"
            << "public.pgmigrations"
            << QStringList{"id=1|1700000000001|create-users|applied|versioned|",
                           "id=2|1700000000002|create-posts|applied|versioned|"};
        QTest::newRow("diesel") << kDiesel << "diesel"
                                << "public.__diesel_schema_migrations"
                                << QStringList{"version=20240101120000|20240101120000||applied|"
                                               "versioned|",
                                               "version=20240102120000|20240102120000||applied|"
                                               "versioned|"};
    }

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
    void historyOwnedByAnotherRoleIsNotAdopted_data() { eachToolsShapeIsRead_data(); }

    void historyOwnedByAnotherRoleIsNotAdopted()
    {
        QFETCH(QByteArray, ddl);
        QFETCH(QString, tool);
        QFETCH(QString, table);
        TestDatabase db;
        exec(db, ddl);
        AppRole app(db);
        const QString role = QString::fromUtf8(db.witness().quoteIdentifier(app.name));
        exec(db, QStringLiteral("ALTER TABLE %1 OWNER TO %2").arg(table, role).toUtf8());
        MigrationFolder f;
        f.add(QStringLiteral("20240101120000_init"), "SELECT 1;", "SELECT 1;");
        const QString displayName = ForeignTool::find(tool)->displayName;
        const QString distrust = QStringLiteral("%1's history table %2 is owned by role %3, "
                                                "which could have written any history there")
                                     .arg(displayName, table, role);
        const QString refusal = QStringLiteral("nothing was adopted: ") + distrust;

        const Run r = migrate(on(db, f.path())
                              + QStringList{QStringLiteral("adopt"), QStringLiteral("--from"), tool,
                                            QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(refusal), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("%1's history in %2, owned by role %3")
                                    .arg(displayName, table, app.name)),
                 qPrintable(r.out));
        const Run written = migrate(on(db, f.path())
                                    + QStringList{QStringLiteral("adopt"), QStringLiteral("--from"),
                                                  tool, QStringLiteral("--json")});
        QCOMPARE(written.exitCode, 3);
        QCOMPARE(written.json().value(QStringLiteral("exit_code")).toInt(), 3);
        QVERIFY2(written.json().value(QStringLiteral("error")).toString().contains(refusal),
                 qPrintable(written.out));
        QVERIFY(!tableExists(db, "uaip_ledger.uaip_schema_migrations"));

        const Run listed = migrate(
            on(db, f.path()) + QStringList{QStringLiteral("foreign"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonObject ledger
            = listed.json().value(QStringLiteral("ledgers")).toArray().first().toObject();
        QCOMPARE(ledger.value(QStringLiteral("owner")).toString(), app.name);
        QCOMPARE(ledger.value(QStringLiteral("trusted")).toBool(true), false);

        Engine e(f.path(), db.conninfo());
        const AdoptionPlan plan = planFor(db, e, tool);
        QVERIFY(!plan.ok());
        QVERIFY(plan.rows.isEmpty());
        QVERIFY2(plan.problems.join(u'\n').contains(distrust),
                 qPrintable(plan.problems.join(u'\n')));

        exec(db, QStringLiteral("ALTER TABLE %1 OWNER TO CURRENT_USER").arg(table).toUtf8());
        const AdoptionPlan handedOver = planFor(db, e, tool);
        QVERIFY2(!handedOver.problems.join(u'\n').contains(QStringLiteral("owned by role")),
                 qPrintable(handedOver.problems.join(u'\n')));
        QVERIFY(!handedOver.rows.isEmpty());
    }

    // As the platform's non-owner role: a history table is believed when a superuser, the role
    // itself or a role that has its privileges owns it and every table of it (an inheriting
    // table is read with it); another role's is not, named with its owner.
    void trustFollowsTheOwnerOfEveryTableRead()
    {
        TestDatabase db;
        exec(db, kDbmate + kFlyway);
        AppRole app(db);
        OtherRole other(db);
        const QString appRole = QString::fromUtf8(db.witness().quoteIdentifier(app.name));
        exec(db,
             QStringLiteral("CREATE TABLE public.flyway_part () INHERITS "
                            "(public.flyway_schema_history); GRANT SELECT ON "
                            "public.schema_migrations, public.flyway_schema_history TO %1")
                 .arg(appRole)
                 .toUtf8());
        const auto judged = [&](const QString &tool) {
            const auto read = readAs(app.conninfo(), tool);
            if (!read || read.value().size() != 1)
                qFatal("read %s: %s", qPrintable(tool), qPrintable(why(read)));
            return read.value().first();
        };
        const QString superuser = db.scalar("SELECT current_user");
        QVERIFY(judged(QStringLiteral("dbmate")).trusted());
        QCOMPARE(judged(QStringLiteral("dbmate")).owner, superuser);
        QVERIFY(judged(QStringLiteral("flyway")).trusted());

        exec(db, "ALTER TABLE public.schema_migrations OWNER TO " + other.quoted.toUtf8());
        ForeignLedger dbmate = judged(QStringLiteral("dbmate"));
        QCOMPARE(dbmate.owner, other.name);
        QVERIFY2(dbmate.distrust.startsWith(
                     QStringLiteral("dbmate's history table public.schema_migrations is owned by "
                                    "role %1, which could have written any history there: only a "
                                    "table owned by a superuser, by role %2 or by a role that has "
                                    "%2's privileges is taken over")
                         .arg(other.quoted, appRole)),
                 qPrintable(dbmate.distrust));
        // a role that has the connected role's privileges: its table is as good as the role's own
        exec(db, QStringLiteral("GRANT %1 TO %2").arg(appRole, other.quoted).toUtf8());
        QVERIFY2(judged(QStringLiteral("dbmate")).trusted(),
                 qPrintable(judged(QStringLiteral("dbmate")).distrust));
        exec(db, QStringLiteral("REVOKE %1 FROM %2").arg(appRole, other.quoted).toUtf8());
        exec(db, "ALTER TABLE public.schema_migrations OWNER TO " + appRole.toUtf8());
        QVERIFY(judged(QStringLiteral("dbmate")).trusted());

        exec(db, "ALTER TABLE public.flyway_part OWNER TO " + other.quoted.toUtf8());
        const ForeignLedger flyway = judged(QStringLiteral("flyway"));
        QCOMPARE(flyway.owner, superuser);
        QVERIFY2(flyway.distrust.startsWith(
                     QStringLiteral("Flyway's history table public.flyway_schema_history is read "
                                    "with public.flyway_part (a table of it), owned by role %1")
                         .arg(other.quoted)),
                 qPrintable(flyway.distrust));
    }

    // Reading another role's history table runs none of its code: a row-level security policy
    // of the owner (whose expression would run with the reader's rights, and could hide rows)
    // makes the read an error, its function never called.
    void readingRunsNoPolicyOfTheOwner()
    {
        TestDatabase db;
        exec(db, kDbmate);
        AppRole app(db);
        OtherRole other(db);
        const QString appRole = QString::fromUtf8(db.witness().quoteIdentifier(app.name));
        exec(db,
             QStringLiteral(R"(
CREATE FUNCTION public.policy_probe() RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'the policy ran as %', current_user; END$$;
ALTER FUNCTION public.policy_probe() OWNER TO %1;
ALTER TABLE public.schema_migrations OWNER TO %1;
ALTER TABLE public.schema_migrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY probe ON public.schema_migrations USING (public.policy_probe());
GRANT SELECT ON public.schema_migrations TO %2;
GRANT EXECUTE ON FUNCTION public.policy_probe() TO %2;
)")
                 .arg(other.quoted, appRole)
                 .toUtf8());
        const auto read = readAs(app.conninfo(), QStringLiteral("dbmate"));
        QVERIFY(!read);
        QVERIFY2(!read.error().toString().contains(QStringLiteral("the policy ran")),
                 qPrintable(read.error().toString()));
        QVERIFY2(read.error().toString().contains(QStringLiteral("row-level security")),
                 qPrintable(read.error().toString()));
        QVERIFY2(read.error().toString().contains(QStringLiteral("public.schema_migrations")),
                 qPrintable(read.error().toString()));
    }

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
        const DbStatus unlocked = ledger.recordAdopted(entry, QStringLiteral("TypeORM row"));
        QVERIFY(!unlocked);
        QVERIFY2(unlocked.error().message.contains("migration lock is not held"),
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
