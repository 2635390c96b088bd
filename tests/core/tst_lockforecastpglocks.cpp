// StatementLockForecast against what PostgreSQL 15 really takes (pg_locks on the sandbox), for
// every kind of statement tst_lockforecast.cpp checks by hand, with the same SQL. Each row makes
// a fresh fixture in the test's database, then runs the statement:
// - in a transaction that is rolled back, pg_locks read by a second session while it is open;
// - or, when the statement cannot run in a transaction block (CREATE INDEX CONCURRENTLY, VACUUM,
//   REINDEX SCHEMA, ...), alone, while "blocker" sessions each hold a conflicting lock on a
//   table it reaches: pg_locks is read each time it waits on one (its requested lock not yet
//   granted), then that blocker lets go.
// The strongest mode PostgreSQL holds or waits for on each relation the forecast names must be
// the forecast's mode ("*": every table the blockers hold), and every relation of the fixture
// that PostgreSQL locks above ACCESS SHARE must be named by the forecast, or be one the row says
// the statement reaches without naming it (the referencing table of TRUNCATE ... CASCADE).
//
// Where a row of tst_lockforecast.cpp cannot run as written: SET TABLESPACE goes to pg_default,
// not "fast" (the same lock, taken before the move is found to be none; no tablespace to make on
// the shared sandbox), the role "app" is the test's own role, and "ADD COLUMN c int DEFAULT
// (SELECT 1)" has no row: PostgreSQL refuses a subquery in DEFAULT, so the statement never holds
// a lock to read.
#include "lockforecastprobe.h"

#include <QProcess>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

using pglocks::Row;

namespace {

// "<function> <row>" for every data row of a test binary, as QtTest lists them (-datatags);
// empty when the binary does not run.
QStringList dataRowsOf(const QString &binary)
{
    QProcess process;
    process.start(binary, {QStringLiteral("-datatags")});
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return {};
    QStringList rows;
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(u' '); // "<class> <function> <row, with blanks>"
        if (parts.size() > 2)
            rows << parts.mid(1).join(u' ');
    }
    return rows;
}

} // namespace

class TestLockForecastPgLocks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void alterTableColumns_data();
    void alterTableColumns() { verifyRow(); }
    void alterTableConstraints_data();
    void alterTableConstraints() { verifyRow(); }
    void alterTableOther_data();
    void alterTableOther() { verifyRow(); }
    void indexes_data();
    void indexes() { verifyRow(); }
    void maintenance_data();
    void maintenance() { verifyRow(); }
    void data_data();
    void data() { verifyRow(); }
    void definitions_data();
    void definitions() { verifyRow(); }
    void everyForecastRowHasATwin();

private:
    void verifyRow();

    std::unique_ptr<TestDatabase> m_db;
    QString m_role;
    std::unique_ptr<pglocks::LockProbe> m_probe;
};

void TestLockForecastPgLocks::initTestCase()
{
    m_db = std::make_unique<TestDatabase>();
    m_role = QStringLiteral("lfpg_") + m_db->name();
    const PgResult r = m_db->witness().exec("CREATE ROLE " + m_role.toUtf8() + " NOLOGIN");
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    m_db->witness().exec("SET client_min_messages = warning");
    m_probe = std::make_unique<pglocks::LockProbe>(*m_db, m_role);
}

void TestLockForecastPgLocks::cleanupTestCase()
{
    m_probe.reset();
    if (!m_db)
        return;
    PgConnection &w = m_db->witness();
    w.exec("DROP OWNED BY " + m_role.toUtf8());
    w.exec("DROP ROLE " + m_role.toUtf8());
    m_db.reset();
}

void TestLockForecastPgLocks::verifyRow()
{
    QFETCH(Row, row);
    const QStringList problems = m_probe->check(row);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QString::fromUtf8(row.sql) + QStringLiteral("\n  ")
                        + problems.join(QStringLiteral("\n  "))));
}

// Every row of tst_lockforecast.cpp (what the forecast says) has its twin here, of the same
// function and name (what PostgreSQL takes), but the one the comment at the top names: a new
// forecast row without a pg_locks row fails here. The rows of unknownKindsAreNotChecked are no
// forecast (the statement is not checked), so there is nothing to compare.
void TestLockForecastPgLocks::everyForecastRowHasATwin()
{
    const QStringList forecast
        = dataRowsOf(QCoreApplication::applicationDirPath() + QStringLiteral("/tst_lockforecast"));
    const QStringList twins = dataRowsOf(QCoreApplication::applicationFilePath());
    QVERIFY2(forecast.size() > 100, "tst_lockforecast -datatags listed no rows");
    QVERIFY2(twins.size() > 100, "-datatags listed no rows of this test");
    const QString exception = QStringLiteral("alterTableColumns add column, subquery default");
    QStringList missing;
    for (const QString &row : forecast)
        if (!row.startsWith(QLatin1String("unknownKindsAreNotChecked ")) && row != exception
            && !twins.contains(row))
            missing << row;
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("forecast rows without a pg_locks twin:\n  ")
                        + missing.join(QStringLiteral("\n  "))));
    // the exception is still a forecast row, and still one PostgreSQL cannot run
    QVERIFY(forecast.contains(exception));
    QVERIFY(!twins.contains(exception));
}

void TestLockForecastPgLocks::alterTableColumns_data()
{
    using namespace pglocks;
    addColumn();
    addRow("add column", tx({kTNoC}, "ALTER TABLE t ADD COLUMN c int"));
    addRow("add column, constant default", tx({kTNoC}, "ALTER TABLE t ADD COLUMN c int DEFAULT 0"));
    addRow("add column, cast constant",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c numeric DEFAULT '1.5'::numeric"));
    addRow("add column, CURRENT_TIMESTAMP",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT CURRENT_TIMESTAMP"));
    addRow("add column, now()",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now()"));
    addRow("add column, volatile default",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp()"));
    addRow("add column, unknown function",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()"));
    addRow("add column, stable name in another schema",
           tx({kTNoC,
               "CREATE SCHEMA app; CREATE FUNCTION app.now() RETURNS timestamptz "
               "LANGUAGE sql STABLE AS 'SELECT now()';"},
              "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT app.now()"));
    addRow("add column, generated stored",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a * 2) STORED"));
    addRow("add column, identity",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY"));
    addRow("add column, bigserial", tx({kTNoC}, "ALTER TABLE t ADD COLUMN c bigserial"));
    addRow("add column, not null without default",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c int NOT NULL"));
    addRow("add column, not null with default",
           tx({kTNoC}, "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0"));
    addRow("add column, references",
           tx({kP, "CREATE TABLE c (id int);"},
              "ALTER TABLE c ADD COLUMN p_id int REFERENCES p (id)"));
    addRow("alter column type", tx({kT}, "ALTER TABLE t ALTER COLUMN c TYPE bigint"));
    addRow("set not null", tx({kT}, "ALTER TABLE t ALTER COLUMN c SET NOT NULL"));
    addRow("drop not null",
           tx({"CREATE TABLE t (id int PRIMARY KEY, c int NOT NULL);"},
              "ALTER TABLE t ALTER COLUMN c DROP NOT NULL"));
    addRow("set default", tx({kT}, "ALTER TABLE t ALTER COLUMN c SET DEFAULT 0"));
    addRow("drop column", tx({kT}, "ALTER TABLE t DROP COLUMN c"));
    addRow("set statistics", tx({kT}, "ALTER TABLE t ALTER COLUMN c SET STATISTICS 500"));
    addRow("rename column", tx({kT}, "ALTER TABLE t RENAME COLUMN a TO b"));
    addRow("quoted names",
           tx({"CREATE SCHEMA \"Sales\"; CREATE TABLE \"Sales\".\"Order Items\" (id int);"},
              "ALTER TABLE \"Sales\".\"Order Items\" ADD COLUMN c int"));
}

void TestLockForecastPgLocks::alterTableConstraints_data()
{
    using namespace pglocks;
    constexpr const char *tp = "CREATE TABLE t (id int, p_id int);";
    addColumn();
    addRow("check", tx({kT}, "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)"));
    addRow("check not valid", tx({kT}, "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID"));
    addRow("foreign key",
           tx({kSP, tp}, "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES s.p (id)"));
    addRow("foreign key not valid",
           tx({kSP, tp},
              "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES s.p (id) NOT VALID"));
    addRow("self-referencing foreign key",
           tx({"CREATE TABLE t (id int PRIMARY KEY, parent_id int);"},
              "ALTER TABLE t ADD FOREIGN KEY (parent_id) REFERENCES t (id) NOT VALID"));
    // The referenced table takes ROW SHARE (the forecast's note says so).
    addRow("validate constraint",
           tx({kP, tp,
               "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) "
               "NOT VALID;"},
              "ALTER TABLE t VALIDATE CONSTRAINT fk")
               .reaching({"p"}));
    addRow("primary key",
           tx({"CREATE TABLE t (id int, a int);"}, "ALTER TABLE t ADD PRIMARY KEY (id)"));
    addRow("unique", tx({kT}, "ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)"));
    addRow("unique using index",
           tx({kT, "CREATE UNIQUE INDEX u_idx ON t (a);"},
              "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX u_idx"));
    addRow("primary key using index",
           tx({"CREATE TABLE t (id int, a int); CREATE UNIQUE INDEX pk_idx ON t (id);"},
              "ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX pk_idx"));
    addRow("exclusion",
           tx({"CREATE TABLE t (id int, r int4range);"},
              "ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING gist (r WITH &&)"));
    addRow("drop constraint",
           tx({"CREATE TABLE t (id int, a int CONSTRAINT c CHECK (a > 0));"},
              "ALTER TABLE t DROP CONSTRAINT c"));
    addRow("rename constraint",
           tx({"CREATE TABLE t (id int, x int CONSTRAINT a CHECK (x > 0));"},
              "ALTER TABLE t RENAME CONSTRAINT a TO b"));
}

void TestLockForecastPgLocks::alterTableOther_data()
{
    using namespace pglocks;
    addColumn();
    addRow("set tablespace", tx({kT}, "ALTER TABLE t SET TABLESPACE pg_default"));
    addRow(
        "set logged",
        tx({"CREATE UNLOGGED TABLE t (id int PRIMARY KEY, a int);"}, "ALTER TABLE t SET LOGGED"));
    addRow("set unlogged", tx({kT}, "ALTER TABLE t SET UNLOGGED"));
    addRow("set access method", tx({kT}, "ALTER TABLE t SET ACCESS METHOD heap"));
    addRow("fillfactor", tx({kT}, "ALTER TABLE t SET (fillfactor = 70)"));
    addRow("security_barrier", tx({kT, kView}, "ALTER VIEW v SET (security_barrier = true)"));
    addRow("enable trigger",
           tx({kT, kTriggerFunction, kTrigger}, "ALTER TABLE t ENABLE TRIGGER trg"));
    addRow("strongest subcommand",
           tx({kT, kTriggerFunction, kTrigger},
              "ALTER TABLE t SET (fillfactor = 70), ALTER COLUMN c SET STATISTICS 500, "
              "DISABLE TRIGGER trg"));
    addRow("flags of all subcommands",
           tx({"CREATE TABLE t (id int PRIMARY KEY, a int, d int);"},
              "ALTER TABLE t ADD COLUMN c int, ALTER COLUMN d SET NOT NULL"));
    addRow("attach partition",
           tx({kList, "CREATE TABLE p1 (k int, x int);"},
              "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)"));
    addRow("detach partition", tx({kList, kP1}, "ALTER TABLE p DETACH PARTITION p1"));
    // Its second transaction takes ACCESS EXCLUSIVE on the partition, once no query uses p: a
    // reader of p1 makes it wait there.
    addRow("detach partition concurrently",
           alone({kList, kP1}, "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
                 {"LOCK TABLE p1 IN ACCESS SHARE MODE"}));
    addRow("detach partition finalize",
           tx({kList, kP1}, "ALTER TABLE p DETACH PARTITION p1 FINALIZE")
               .afterCancelled("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
                               "LOCK TABLE p IN ACCESS SHARE MODE"));
    addRow("inherit",
           tx({"CREATE TABLE parent (id int); CREATE TABLE t (id int);"},
              "ALTER TABLE t INHERIT parent"));
    addRow("owner", tx({kT}, "ALTER TABLE t OWNER TO %ROLE%"));
    addRow("rename table", tx({kT}, "ALTER TABLE t RENAME TO u"));
    addRow("set schema", tx({kT, "CREATE SCHEMA archive;"}, "ALTER TABLE t SET SCHEMA archive"));
    addRow("alter index set tablespace",
           tx({kT, kIndex}, "ALTER INDEX i SET TABLESPACE pg_default"));
    addRow("alter sequence", tx({"CREATE SEQUENCE s;"}, "ALTER SEQUENCE s RESTART"));
}

void TestLockForecastPgLocks::indexes_data()
{
    using namespace pglocks;
    addColumn();
    addRow("create index", tx({kT}, "CREATE INDEX i ON t (a)"));
    addRow("create unique index", tx({kST}, "CREATE UNIQUE INDEX i ON s.t (a)"));
    addRow("create index concurrently",
           alone({kT}, "CREATE INDEX CONCURRENTLY i ON t (a)", {kLockT}));
    addRow("drop index", tx({kST, "CREATE INDEX i ON s.t (a);"}, "DROP INDEX s.i"));
    addRow("drop index concurrently", alone({kT, kIndex}, "DROP INDEX CONCURRENTLY i", {kLockT}));
    addRow("reindex index", tx({kT, kIndex}, "REINDEX INDEX i"));
    addRow("reindex table", tx({kT}, "REINDEX TABLE t"));
    addRow("reindex table concurrently", alone({kT}, "REINDEX TABLE CONCURRENTLY t", {kLockT}));
    addRow("reindex (concurrently) index",
           alone({kT, kIndex}, "REINDEX (CONCURRENTLY) INDEX i", {kLockT}));
    addRow(
        "reindex schema",
        alone({"CREATE SCHEMA s; CREATE TABLE s.t (id int PRIMARY KEY); CREATE TABLE s.u (id int "
               "PRIMARY KEY);"},
              "REINDEX SCHEMA s",
              {"LOCK TABLE s.t IN EXCLUSIVE MODE", "LOCK TABLE s.u IN EXCLUSIVE MODE"}));
    addRow("rename index", tx({kT, kIndex}, "ALTER INDEX i RENAME TO j"));
}

void TestLockForecastPgLocks::maintenance_data()
{
    using namespace pglocks;
    constexpr const char *mv = "CREATE MATERIALIZED VIEW mv AS SELECT * FROM t;";
    constexpr const char *ab = "CREATE TABLE a (id int); CREATE TABLE b (id int);";
    addColumn();
    addRow("vacuum full", alone({kT}, "VACUUM FULL t", {kLockT}));
    addRow("vacuum (full)",
           alone({ab}, "VACUUM (FULL, VERBOSE) a, b",
                 {"LOCK TABLE a IN EXCLUSIVE MODE", "LOCK TABLE b IN EXCLUSIVE MODE"}));
    // As a role that owns t and u only: every table it may vacuum, never the shared catalogs.
    addRow(
        "vacuum full, every table",
        alone({"CREATE TABLE t (id int); ALTER TABLE t OWNER TO %ROLE%; CREATE TABLE u (id int); "
               "ALTER TABLE u OWNER TO %ROLE%;"},
              "VACUUM FULL", {kLockT, "LOCK TABLE u IN EXCLUSIVE MODE"})
            .ofRole());
    addRow("vacuum (full false)", alone({kT}, "VACUUM (FULL false) t", {kLockT}));
    addRow("vacuum", alone({kT}, "VACUUM t", {kLockT}));
    addRow("vacuum analyze", alone({kT}, "VACUUM ANALYZE t", {kLockT}));
    addRow("analyze", tx({kT}, "ANALYZE t"));
    addRow("cluster", tx({kT, kIndex}, "CLUSTER t USING i"));
    addRow("refresh", tx({kT, mv}, "REFRESH MATERIALIZED VIEW mv"));
    addRow("refresh concurrently",
           tx({kT, mv, "CREATE UNIQUE INDEX ON mv (id);"},
              "REFRESH MATERIALIZED VIEW CONCURRENTLY mv"));
    addRow("lock", tx({kT}, "LOCK TABLE t"));
    addRow("lock in share row exclusive mode",
           tx({kT}, "LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE"));
    addRow("lock two in access share mode", tx({kAB}, "LOCK a, s.b IN ACCESS SHARE MODE"));
    addRow("truncate", tx({kAB}, "TRUNCATE a, s.b"));
    addRow("truncate cascade",
           tx({"CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE ref (a_id int REFERENCES a);"},
              "TRUNCATE a CASCADE")
               .reaching({"ref"}));
    addRow("drop table", tx({kAB}, "DROP TABLE a, s.b"));
    addRow("drop view", tx({kT, kView}, "DROP VIEW v"));
    addRow("drop trigger",
           tx({kST, kTriggerFunction,
               "CREATE TRIGGER trg BEFORE UPDATE ON s.t FOR EACH ROW EXECUTE FUNCTION f();"},
              "DROP TRIGGER trg ON s.t"));
}

void TestLockForecastPgLocks::data_data()
{
    using namespace pglocks;
    constexpr const char *old = "CREATE TABLE old (id int, a int); CREATE TABLE archive (id int, "
                                "a int);";
    addColumn();
    addRow("insert", tx({kT}, "INSERT INTO t VALUES (1)"));
    addRow("update with where", tx({kT}, "UPDATE t SET a = 1 WHERE id = 2"));
    addRow("update without where", tx({kT}, "UPDATE t SET a = 1"));
    addRow("delete with where", tx({kT}, "DELETE FROM t WHERE id = 1"));
    addRow("delete without where", tx({kT}, "DELETE FROM t"));
    addRow("merge",
           tx({kT, "CREATE TABLE s (id int, a int);"},
              "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a"));
    addRow(
        "delete inside with",
        tx({old}, "WITH d AS (DELETE FROM old RETURNING *) INSERT INTO archive SELECT * FROM d"));
    addRow("select", tx({kT}, "SELECT * FROM t"));
    addRow("select for update", tx({kT}, "SELECT * FROM t FOR UPDATE"));
    addRow("select for update of",
           tx({kAB}, "SELECT * FROM a JOIN s.b AS x ON true FOR UPDATE OF x"));
    addRow("copy from", tx({kT}, "COPY t FROM STDIN").copying("1\t2\t3\t4\n"));
    addRow("copy to", tx({kT}, "COPY t TO STDOUT"));
    addRow("explain", tx({kT}, "EXPLAIN DELETE FROM t"));
    addRow("explain analyze", tx({kT}, "EXPLAIN ANALYZE DELETE FROM t"));
}

void TestLockForecastPgLocks::definitions_data()
{
    using namespace pglocks;
    addColumn();
    addRow("create table", tx({}, "CREATE TABLE n (id int PRIMARY KEY, a text)"));
    addRow("create table with a foreign key",
           tx({kP}, "CREATE TABLE n (id int, p_id int REFERENCES p (id))"));
    addRow("create table, table foreign key",
           tx({kSP}, "CREATE TABLE n (id int, FOREIGN KEY (id) REFERENCES s.p (id))"));
    addRow("create partition", tx({kList}, "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)"));
    addRow("create child", tx({"CREATE TABLE p (id int);"}, "CREATE TABLE c (x int) INHERITS (p)"));
    addRow("create table as", tx({kT}, "CREATE TABLE n AS SELECT * FROM t"));
    addRow("create view", tx({kT}, "CREATE VIEW v AS SELECT * FROM t"));
    addRow("create or replace view",
           tx({kT, kView}, "CREATE OR REPLACE VIEW v AS SELECT * FROM t"));
    addRow("create materialized view", tx({kT}, "CREATE MATERIALIZED VIEW mv AS SELECT * FROM t"));
    addRow("create sequence", tx({}, "CREATE SEQUENCE s"));
    addRow("create type", tx({}, "CREATE TYPE mood AS ENUM ('sad', 'ok')"));
    addRow("create function", tx({}, "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'"));
    addRow("create trigger",
           tx({kT, kTriggerFunction},
              "CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()"));
    addRow("create policy", tx({kT}, "CREATE POLICY p ON t USING (true)"));
    addRow("create rule", tx({kT}, "CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING"));
    addRow("create statistics",
           tx({"CREATE TABLE t (id int, a int, b int);"}, "CREATE STATISTICS st ON a, b FROM t"));
    addRow("comment on table", tx({kST}, "COMMENT ON TABLE s.t IS 'x'"));
    addRow("comment on column", tx({kST}, "COMMENT ON COLUMN s.t.c IS 'x'"));
    addRow("comment on trigger",
           tx({kT, kTriggerFunction, kTrigger}, "COMMENT ON TRIGGER trg ON t IS 'x'"));
    addRow("comment on schema", tx({kSchemaS}, "COMMENT ON SCHEMA s IS 'x'"));
    addRow("grant", tx({kT}, "GRANT SELECT, INSERT ON t TO %ROLE%"));
    addRow("revoke", tx({kT}, "REVOKE ALL ON t FROM %ROLE%"));
    addRow(
        "drop function",
        tx({"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';"}, "DROP FUNCTION f()"));
    addRow("begin", tx({}, "BEGIN"));
    addRow("set", tx({}, "SET lock_timeout = '5s'"));
}

QTEST_GUILESS_MAIN(TestLockForecastPgLocks)
#include "tst_lockforecastpglocks.moc"
