// adopt takes another tool's history in the tool's own order (issue 36, point 6): the ledger
// keeps that order (adopt events written in it; ties by version as numbers, never as text), so
// `down --steps 1` rolls back the migration the tool applied last: Flyway's highest
// installed_rank (an out-of-order V3 after V18), golang-migrate's and dbmate's highest version
// (18 after 9), TypeORM's highest id (an older timestamp run later), Prisma's latest
// finished_at, then name. Run as a non-owner role with a hostile name.
#include "approle.h"
#include "foreign/adoptionplanner.h"
#include "foreign/foreignledgerreader.h"
#include "migrationrunnertestutil.h"

#include <QScopeGuard>

using namespace uaip;
using namespace uaip::test;

namespace {

const QByteArray kFlywayTable = R"sql(CREATE TABLE "public"."flyway_schema_history" (
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
)sql";

void exec(TestDatabase &db, const QByteArray &sql)
{
    const PgResult r = db.witness().execScript(sql);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
}

// Every version folder with an up.sql and a down.sql that only select.
void addFolders(MigrationFolder &f, const QStringList &ids)
{
    for (const QString &id : ids)
        f.add(id, "SELECT 'up " + id.toUtf8() + "';\n", "SELECT 'down " + id.toUtf8() + "';\n");
}

// Adopts the tool's history as the role, then rolls back one migration at a time: the versions
// in the order they were rolled back.
QStringList adoptThenRollBack(TestDatabase &db, MigrationFolder &f, const QString &tool, int n)
{
    // owns neither the database nor the foreign table, allowed what adopt and down need:
    // create the ledger schema, read the tool's table
    AppRole role(db, QStringLiteral("SELECT"), true);
    Engine e(f.path(), role.conninfo());
    const auto ledgers = ForeignLedgerReader(e.connection).read(tool);
    if (!ledgers || ledgers.value().size() != 1)
        qFatal("no %s ledger", qPrintable(tool));
    const auto statuses = e.runner->status();
    if (!statuses)
        qFatal("status: %s", qPrintable(why(statuses)));
    // the histories here carry no checksums (the order is what is tested): each row refused
    // for it taken over as --accept-checksum VERSION does
    AdoptionPlan plan = AdoptionPlanner::plan(ledgers.value().first(), statuses.value());
    QStringList accept;
    for (const AdoptionRow &r : plan.rows)
        if (r.action == AdoptionRow::Action::Refuse && !r.version.isEmpty())
            accept << r.version;
    if (!accept.isEmpty())
        plan = AdoptionPlanner::plan(ledgers.value().first(), statuses.value(), accept);
    if (!plan.ok())
        qFatal("plan: %s", qPrintable(plan.problems.join(u'\n')));
    const RunResult adopted = e.runner->adopt(plan.items());
    if (!adopted.ok())
        qFatal("adopt: %s", qPrintable(adopted.message));
    QStringList out;
    for (int i = 0; i < n; ++i) {
        DownTarget one;
        one.steps = 1;
        const RunResult down = e.runner->down(one);
        if (!down.ok() || down.steps.size() != 1)
            qFatal("down: %s", qPrintable(down.message));
        out << down.steps.first().version;
    }
    e.connection.close();
    return out;
}

} // namespace

class TestAdoptOrder : public QObject
{
    Q_OBJECT

private slots:
    // Flyway ran V1, V2, V9, V10, V18, then V3 out of order (outOfOrder=true): V3 is its last,
    // then V18, V10, V9 (not V9 first, as "9" > "18" as text).
    void flywayByInstalledRank()
    {
        TestDatabase db;
        exec(db,
             kFlywayTable
                 + "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                   "type, script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '1', 'a', 'SQL', 'V1__a.sql', NULL, 'x', 1, true), "
                   "(2, '2', 'b', 'SQL', 'V2__b.sql', NULL, 'x', 1, true), "
                   "(3, '9', 'c', 'SQL', 'V9__c.sql', NULL, 'x', 1, true), "
                   "(4, '10', 'd', 'SQL', 'V10__d.sql', NULL, 'x', 1, true), "
                   "(5, '18', 'e', 'SQL', 'V18__e.sql', NULL, 'x', 1, true), "
                   "(6, '3', 'f', 'SQL', 'V3__f.sql', NULL, 'x', 1, true);");
        MigrationFolder f;
        addFolders(f, {"1_a", "2_b", "3_f", "9_c", "10_d", "18_e"});
        QCOMPARE(adoptThenRollBack(db, f, QStringLiteral("flyway"), 4),
                 (QStringList{"3", "18", "10", "9"}));
    }

    // A Flyway baseline at 9 covers the folders below it; V10 and V18 ran after it.
    void flywayBaselineCoversBeforeItsRank()
    {
        TestDatabase db;
        exec(db,
             kFlywayTable
                 + "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                   "type, script, checksum, installed_by, execution_time, success) VALUES "
                   "(1, '9', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', "
                   "NULL, 'x', 0, true), "
                   "(2, '10', 'd', 'SQL', 'V10__d.sql', NULL, 'x', 1, true), "
                   "(3, '18', 'e', 'SQL', 'V18__e.sql', NULL, 'x', 1, true);");
        MigrationFolder f;
        addFolders(f, {"1_a", "2_b", "9_c", "10_d", "18_e"});
        QCOMPARE(adoptThenRollBack(db, f, QStringLiteral("flyway"), 5),
                 (QStringList{"18", "10", "9", "2", "1"}));
    }

    // golang-migrate's one row (18) covers 1, 2, 9, 10: rolled back from 18 down.
    void golangMigrateByVersion()
    {
        TestDatabase db;
        exec(db,
             "CREATE TABLE schema_migrations (version bigint not null primary key, dirty "
             "boolean not null); INSERT INTO schema_migrations VALUES (18, false);");
        MigrationFolder f;
        addFolders(f, {"1_a", "2_b", "9_c", "10_d", "18_e"});
        QCOMPARE(adoptThenRollBack(db, f, QStringLiteral("golang-migrate"), 3),
                 (QStringList{"18", "10", "9"}));
    }

    // dbmate rolls back its highest version.
    void dbmateByVersion()
    {
        TestDatabase db;
        exec(db,
             "CREATE TABLE schema_migrations (version varchar primary key); INSERT INTO "
             "schema_migrations VALUES ('18'), ('9'), ('10');");
        MigrationFolder f;
        addFolders(f, {"9_c", "10_d", "18_e"});
        QCOMPARE(adoptThenRollBack(db, f, QStringLiteral("dbmate"), 3),
                 (QStringList{"18", "10", "9"}));
    }

    // TypeORM ran Posts (…002) after Tags (…003), a class merged later: id 3 is its last.
    void typeormById()
    {
        TestDatabase db;
        exec(db,
             "CREATE TABLE migrations (id SERIAL NOT NULL PRIMARY KEY, \"timestamp\" bigint "
             "NOT NULL, name character varying NOT NULL); INSERT INTO migrations "
             "(\"timestamp\", name) VALUES (1700000000001, 'Users1700000000001'), "
             "(1700000000003, 'Tags1700000000003'), (1700000000002, "
             "'Posts1700000000002');");
        MigrationFolder f;
        addFolders(f, {"1700000000001_Users", "1700000000002_Posts", "1700000000003_Tags"});
        QCOMPARE(adoptThenRollBack(db, f, QStringLiteral("typeorm"), 3),
                 (QStringList{"1700000000002", "1700000000003", "1700000000001"}));
    }

    // Prisma: by finished_at (a migration resolved and finished later comes last), then by
    // name for equal times.
    void prismaByFinishedAtThenName()
    {
        TestDatabase db;
        exec(db, R"sql(CREATE TABLE _prisma_migrations (
    id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
    migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0);
INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at) VALUES
  ('1', encode(sha256(convert_to('SELECT ''up 20240101000000_a'';' || E'\n', 'UTF8')), 'hex'), '2024-01-01 10:00+00', '20240101000000_a', '2024-01-01 10:00+00'),
  ('2', encode(sha256(convert_to('SELECT ''up 20240102000000_b'';' || E'\n', 'UTF8')), 'hex'), '2024-01-05 10:00+00', '20240102000000_b', '2024-01-01 11:00+00'),
  ('3', encode(sha256(convert_to('SELECT ''up 20240103000000_c'';' || E'\n', 'UTF8')), 'hex'), '2024-01-02 10:00+00', '20240103000000_c', '2024-01-02 10:00+00'),
  ('4', encode(sha256(convert_to('SELECT ''up 20240104000000_d'';' || E'\n', 'UTF8')), 'hex'), '2024-01-02 10:00+00', '20240104000000_d', '2024-01-02 10:00+00');
)sql");
        MigrationFolder f;
        addFolders(
            f, {"20240101000000_a", "20240102000000_b", "20240103000000_c", "20240104000000_d"});
        QCOMPARE(adoptThenRollBack(db, f, QStringLiteral("prisma"), 3),
                 (QStringList{"20240102000000", "20240104000000", "20240103000000"}));
    }
};

QTEST_GUILESS_MAIN(TestAdoptOrder)
#include "tst_adoptorder.moc"
