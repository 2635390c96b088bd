// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// StatementLockForecast: the lock each kind of migration statement takes on existing relations,
// read from the typed parse tree alone, with PostgreSQL 15's modes (tablecmds.c,
// AlterTableGetLockLevel, and the manual's "Table-Level Lock Modes"), whether it rewrites or
// scans under the lock, and the online form where one exists; a statement kind it does not know
// is not checked, never "locks nothing". LockMode: names and the conflict table.
#include "forecast/lockmode.h"
#include "forecast/statementlockforecast.h"
#include "sqlparse/pgparsetree.h"

#include <QtTest>

using namespace uaip;

namespace {

// "relation MODE [index-table] [rewrites] [maybe-rewrites] [scans] [online]"; "*" for every
// table.
QString describe(const RelationLock &lock)
{
    QStringList parts{lock.relation.isEmpty() ? QStringLiteral("*") : lock.relation,
                      lockModeName(lock.mode)};
    if (lock.ofIndexTable)
        parts << QStringLiteral("index-table");
    if (lock.rewrites)
        parts << QStringLiteral("rewrites");
    if (lock.maybeRewrites)
        parts << QStringLiteral("maybe-rewrites");
    if (lock.scans)
        parts << QStringLiteral("scans");
    if (!lock.onlineForm.isEmpty())
        parts << QStringLiteral("online");
    return parts.join(u' ');
}

LockForecast forecastOf(const QByteArray &sql)
{
    const PgParseTree tree = PgParseTree::parse(sql);
    if (!tree.ok() || tree.statements().size() != 1)
        qFatal("not one statement: %s (%s)", sql.constData(), qPrintable(tree.errorMessage()));
    return StatementLockForecast::of(tree.statements().first().node);
}

QStringList describe(const LockForecast &forecast)
{
    QStringList out;
    for (const RelationLock &lock : forecast.locks)
        out << describe(lock);
    return out;
}

void addColumns()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QStringList>("expected");
}

void row(const char *name, const QByteArray &sql, const QStringList &expected)
{
    QTest::newRow(name) << sql << expected;
}

void verifyRow()
{
    QFETCH(QByteArray, sql);
    QFETCH(QStringList, expected);
    const LockForecast forecast = forecastOf(sql);
    QVERIFY2(!forecast.notChecked, qPrintable(forecast.notes.join(u'\n')));
    QCOMPARE(describe(forecast), expected);
}

} // namespace

class TestLockForecast : public QObject
{
    Q_OBJECT

private slots:
    void lockModes();
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
    void notesSayWhatTheListDoesNot();
    void onlineFormsAreSentences();
    void unknownKindsAreNotChecked_data();
    void unknownKindsAreNotChecked();
    void unknownNodeIsNotChecked();
    void unknownAlterTableSubcommandIsNotChecked();
};

void TestLockForecast::lockModes()
{
    const QList<LockMode> modes{LockMode::AccessShare,  LockMode::RowShare,
                                LockMode::RowExclusive, LockMode::ShareUpdateExclusive,
                                LockMode::Share,        LockMode::ShareRowExclusive,
                                LockMode::Exclusive,    LockMode::AccessExclusive};
    QCOMPARE(lockModeName(LockMode::AccessExclusive), QStringLiteral("ACCESS EXCLUSIVE"));
    QCOMPARE(lockModeName(LockMode::ShareUpdateExclusive),
             QStringLiteral("SHARE UPDATE EXCLUSIVE"));
    for (int i = 0; i < modes.size(); ++i) {
        QCOMPARE(lockModeFromNumber(i + 1), std::optional<LockMode>(modes[i]));
        // Only ACCESS EXCLUSIVE makes a plain SELECT wait; SHARE and stronger block writes.
        QCOMPARE(blocksReads(modes[i]), modes[i] == LockMode::AccessExclusive);
        QCOMPARE(blocksWrites(modes[i]), i >= 4);
        for (int j = 0; j < modes.size(); ++j)
            QCOMPARE(lockModesConflict(modes[i], modes[j]), lockModesConflict(modes[j], modes[i]));
    }
    QVERIFY(!lockModeFromNumber(0));
    QVERIFY(!lockModeFromNumber(9));
    // The rows of the manual's table that are easy to get wrong.
    QVERIFY(lockModesConflict(LockMode::RowExclusive, LockMode::Share));
    QVERIFY(!lockModesConflict(LockMode::RowExclusive, LockMode::ShareUpdateExclusive));
    QVERIFY(!lockModesConflict(LockMode::Share, LockMode::Share));
    QVERIFY(lockModesConflict(LockMode::ShareUpdateExclusive, LockMode::ShareUpdateExclusive));
    QVERIFY(lockModesConflict(LockMode::Exclusive, LockMode::RowShare));
    QVERIFY(!lockModesConflict(LockMode::Exclusive, LockMode::AccessShare));
}

void TestLockForecast::alterTableColumns_data()
{
    addColumns();
    row("add column", "ALTER TABLE t ADD COLUMN c int", {"t ACCESS EXCLUSIVE"});
    row("add column, constant default", "ALTER TABLE t ADD COLUMN c int DEFAULT 0",
        {"t ACCESS EXCLUSIVE"});
    row("add column, cast constant", "ALTER TABLE t ADD COLUMN c numeric DEFAULT '1.5'::numeric",
        {"t ACCESS EXCLUSIVE"});
    row("add column, CURRENT_TIMESTAMP",
        "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT CURRENT_TIMESTAMP", {"t ACCESS EXCLUSIVE"});
    row("add column, now()", "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now()",
        {"t ACCESS EXCLUSIVE"});
    row("add column, volatile default",
        "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp()",
        {"t ACCESS EXCLUSIVE rewrites online"});
    row("add column, unknown function", "ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()",
        {"t ACCESS EXCLUSIVE rewrites online"});
    row("add column, stable name in another schema",
        "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT app.now()",
        {"t ACCESS EXCLUSIVE rewrites online"});
    row("add column, subquery default", "ALTER TABLE t ADD COLUMN c int DEFAULT (SELECT 1)",
        {"t ACCESS EXCLUSIVE rewrites online"});
    row("add column, generated stored",
        "ALTER TABLE t ADD COLUMN c int GENERATED ALWAYS AS (a * 2) STORED",
        {"t ACCESS EXCLUSIVE rewrites online"});
    row("add column, identity", "ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY",
        {"t ACCESS EXCLUSIVE rewrites online"});
    row("add column, bigserial", "ALTER TABLE t ADD COLUMN c bigserial",
        {"t ACCESS EXCLUSIVE rewrites online"});
    row("add column, not null without default", "ALTER TABLE t ADD COLUMN c int NOT NULL",
        {"t ACCESS EXCLUSIVE scans"});
    row("add column, not null with default", "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0",
        {"t ACCESS EXCLUSIVE"});
    row("add column, references", "ALTER TABLE c ADD COLUMN p_id int REFERENCES p (id)",
        {"c ACCESS EXCLUSIVE scans", "p SHARE ROW EXCLUSIVE scans online"});
    row("alter column type", "ALTER TABLE t ALTER COLUMN c TYPE bigint",
        {"t ACCESS EXCLUSIVE maybe-rewrites online"});
    row("set not null", "ALTER TABLE t ALTER COLUMN c SET NOT NULL",
        {"t ACCESS EXCLUSIVE scans online"});
    row("drop not null", "ALTER TABLE t ALTER COLUMN c DROP NOT NULL", {"t ACCESS EXCLUSIVE"});
    row("set default", "ALTER TABLE t ALTER COLUMN c SET DEFAULT 0", {"t ACCESS EXCLUSIVE"});
    row("drop column", "ALTER TABLE t DROP COLUMN c", {"t ACCESS EXCLUSIVE"});
    row("set statistics", "ALTER TABLE t ALTER COLUMN c SET STATISTICS 500",
        {"t SHARE UPDATE EXCLUSIVE"});
    row("rename column", "ALTER TABLE t RENAME COLUMN a TO b", {"t ACCESS EXCLUSIVE"});
    row("quoted names", "ALTER TABLE \"Sales\".\"Order Items\" ADD COLUMN c int",
        {"\"Sales\".\"Order Items\" ACCESS EXCLUSIVE"});
}

void TestLockForecast::alterTableConstraints_data()
{
    addColumns();
    row("check", "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)",
        {"t ACCESS EXCLUSIVE scans online"});
    row("check not valid", "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID",
        {"t ACCESS EXCLUSIVE"});
    row("foreign key", "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES s.p (id)",
        {"t SHARE ROW EXCLUSIVE scans online", "s.p SHARE ROW EXCLUSIVE scans online"});
    row("foreign key not valid",
        "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES s.p (id) NOT VALID",
        {"t SHARE ROW EXCLUSIVE", "s.p SHARE ROW EXCLUSIVE"});
    row("self-referencing foreign key",
        "ALTER TABLE t ADD FOREIGN KEY (parent_id) REFERENCES t (id) NOT VALID",
        {"t SHARE ROW EXCLUSIVE"});
    row("validate constraint", "ALTER TABLE t VALIDATE CONSTRAINT fk",
        {"t SHARE UPDATE EXCLUSIVE scans"});
    row("primary key", "ALTER TABLE t ADD PRIMARY KEY (id)", {"t ACCESS EXCLUSIVE scans online"});
    row("unique", "ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)", {"t ACCESS EXCLUSIVE scans online"});
    row("unique using index", "ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX u_idx",
        {"t ACCESS EXCLUSIVE"});
    // Its columns are made NOT NULL, which scans unless they are already.
    row("primary key using index", "ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX pk_idx",
        {"t ACCESS EXCLUSIVE scans online"});
    row("exclusion", "ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING gist (r WITH &&)",
        {"t ACCESS EXCLUSIVE scans"});
    row("drop constraint", "ALTER TABLE t DROP CONSTRAINT c", {"t ACCESS EXCLUSIVE"});
    row("rename constraint", "ALTER TABLE t RENAME CONSTRAINT a TO b", {"t ACCESS EXCLUSIVE"});
}

void TestLockForecast::alterTableOther_data()
{
    addColumns();
    row("set tablespace", "ALTER TABLE t SET TABLESPACE fast", {"t ACCESS EXCLUSIVE rewrites"});
    row("set logged", "ALTER TABLE t SET LOGGED", {"t ACCESS EXCLUSIVE rewrites"});
    row("set unlogged", "ALTER TABLE t SET UNLOGGED", {"t ACCESS EXCLUSIVE rewrites"});
    row("set access method", "ALTER TABLE t SET ACCESS METHOD heap",
        {"t ACCESS EXCLUSIVE rewrites"});
    row("fillfactor", "ALTER TABLE t SET (fillfactor = 70)", {"t SHARE UPDATE EXCLUSIVE"});
    row("security_barrier", "ALTER VIEW v SET (security_barrier = true)", {"v ACCESS EXCLUSIVE"});
    row("enable trigger", "ALTER TABLE t ENABLE TRIGGER trg", {"t SHARE ROW EXCLUSIVE"});
    row("strongest subcommand",
        "ALTER TABLE t SET (fillfactor = 70), ALTER COLUMN c SET STATISTICS 500, "
        "DISABLE TRIGGER trg",
        {"t SHARE ROW EXCLUSIVE"});
    row("flags of all subcommands", "ALTER TABLE t ADD COLUMN c int, ALTER COLUMN d SET NOT NULL",
        {"t ACCESS EXCLUSIVE scans online"});
    row("attach partition", "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)",
        {"p SHARE UPDATE EXCLUSIVE", "p1 ACCESS EXCLUSIVE scans online"});
    row("detach partition", "ALTER TABLE p DETACH PARTITION p1",
        {"p ACCESS EXCLUSIVE online", "p1 ACCESS EXCLUSIVE online"});
    row("detach partition concurrently", "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
        {"p SHARE UPDATE EXCLUSIVE", "p1 ACCESS EXCLUSIVE"});
    row("detach partition finalize", "ALTER TABLE p DETACH PARTITION p1 FINALIZE",
        {"p SHARE UPDATE EXCLUSIVE", "p1 ACCESS EXCLUSIVE"});
    row("inherit", "ALTER TABLE t INHERIT parent",
        {"t ACCESS EXCLUSIVE", "parent SHARE UPDATE EXCLUSIVE"});
    row("owner", "ALTER TABLE t OWNER TO app", {"t ACCESS EXCLUSIVE"});
    row("rename table", "ALTER TABLE t RENAME TO u", {"t ACCESS EXCLUSIVE"});
    row("set schema", "ALTER TABLE t SET SCHEMA archive", {"t ACCESS EXCLUSIVE"});
    row("alter index set tablespace", "ALTER INDEX i SET TABLESPACE fast",
        {"i ACCESS EXCLUSIVE rewrites"});
    row("alter sequence", "ALTER SEQUENCE s RESTART", {"s SHARE ROW EXCLUSIVE"});
}

void TestLockForecast::indexes_data()
{
    addColumns();
    row("create index", "CREATE INDEX i ON t (a)", {"t SHARE scans online"});
    row("create unique index", "CREATE UNIQUE INDEX i ON s.t (a)", {"s.t SHARE scans online"});
    row("create index concurrently", "CREATE INDEX CONCURRENTLY i ON t (a)",
        {"t SHARE UPDATE EXCLUSIVE scans"});
    row("drop index", "DROP INDEX s.i", {"s.i ACCESS EXCLUSIVE index-table online"});
    row("drop index concurrently", "DROP INDEX CONCURRENTLY i",
        {"i SHARE UPDATE EXCLUSIVE index-table"});
    row("reindex index", "REINDEX INDEX i", {"i SHARE index-table scans online"});
    row("reindex table", "REINDEX TABLE t", {"t SHARE scans online"});
    row("reindex table concurrently", "REINDEX TABLE CONCURRENTLY t",
        {"t SHARE UPDATE EXCLUSIVE scans"});
    row("reindex (concurrently) index", "REINDEX (CONCURRENTLY) INDEX i",
        {"i SHARE UPDATE EXCLUSIVE index-table scans"});
    row("reindex schema", "REINDEX SCHEMA s", {"* SHARE scans online"});
    row("rename index", "ALTER INDEX i RENAME TO j", {"i SHARE UPDATE EXCLUSIVE"});
}

void TestLockForecast::maintenance_data()
{
    addColumns();
    row("vacuum full", "VACUUM FULL t", {"t ACCESS EXCLUSIVE rewrites"});
    row("vacuum (full)", "VACUUM (FULL, VERBOSE) a, b",
        {"a ACCESS EXCLUSIVE rewrites", "b ACCESS EXCLUSIVE rewrites"});
    row("vacuum full, every table", "VACUUM FULL", {"* ACCESS EXCLUSIVE rewrites"});
    row("vacuum (full false)", "VACUUM (FULL false) t", {"t SHARE UPDATE EXCLUSIVE scans"});
    row("vacuum", "VACUUM t", {"t SHARE UPDATE EXCLUSIVE scans"});
    row("vacuum analyze", "VACUUM ANALYZE t", {"t SHARE UPDATE EXCLUSIVE scans"});
    row("analyze", "ANALYZE t", {"t SHARE UPDATE EXCLUSIVE"});
    row("cluster", "CLUSTER t USING i", {"t ACCESS EXCLUSIVE rewrites"});
    row("refresh", "REFRESH MATERIALIZED VIEW mv", {"mv ACCESS EXCLUSIVE rewrites online"});
    row("refresh concurrently", "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
        {"mv EXCLUSIVE scans"});
    row("lock", "LOCK TABLE t", {"t ACCESS EXCLUSIVE"});
    row("lock in share row exclusive mode", "LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE",
        {"t SHARE ROW EXCLUSIVE"});
    row("lock two in access share mode", "LOCK a, s.b IN ACCESS SHARE MODE",
        {"a ACCESS SHARE", "s.b ACCESS SHARE"});
    row("truncate", "TRUNCATE a, s.b", {"a ACCESS EXCLUSIVE", "s.b ACCESS EXCLUSIVE"});
    row("truncate cascade", "TRUNCATE a CASCADE", {"a ACCESS EXCLUSIVE"});
    row("drop table", "DROP TABLE a, s.b", {"a ACCESS EXCLUSIVE", "s.b ACCESS EXCLUSIVE"});
    row("drop view", "DROP VIEW v", {"v ACCESS EXCLUSIVE"});
    row("drop trigger", "DROP TRIGGER trg ON s.t", {"s.t ACCESS EXCLUSIVE"});
}

void TestLockForecast::data_data()
{
    addColumns();
    row("insert", "INSERT INTO t VALUES (1)", {"t ROW EXCLUSIVE"});
    row("update with where", "UPDATE t SET a = 1 WHERE id = 2", {"t ROW EXCLUSIVE"});
    row("update without where", "UPDATE t SET a = 1", {"t ROW EXCLUSIVE scans online"});
    row("delete with where", "DELETE FROM t WHERE id = 1", {"t ROW EXCLUSIVE"});
    row("delete without where", "DELETE FROM t", {"t ROW EXCLUSIVE scans online"});
    row("merge", "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a",
        {"t ROW EXCLUSIVE"});
    row("delete inside with",
        "WITH d AS (DELETE FROM old RETURNING *) INSERT INTO archive SELECT * FROM d",
        {"archive ROW EXCLUSIVE", "old ROW EXCLUSIVE scans online"});
    row("select", "SELECT * FROM t", {});
    row("select for update", "SELECT * FROM t FOR UPDATE", {"t ROW SHARE"});
    row("select for update of", "SELECT * FROM a JOIN s.b AS x ON true FOR UPDATE OF x",
        {"s.b ROW SHARE"});
    row("copy from", "COPY t FROM STDIN", {"t ROW EXCLUSIVE"});
    row("copy to", "COPY t TO STDOUT", {});
    row("explain", "EXPLAIN DELETE FROM t", {"t ROW EXCLUSIVE"});
    row("explain analyze", "EXPLAIN ANALYZE DELETE FROM t", {"t ROW EXCLUSIVE scans online"});
}

void TestLockForecast::definitions_data()
{
    addColumns();
    row("create table", "CREATE TABLE n (id int PRIMARY KEY, a text)", {});
    row("create table with a foreign key", "CREATE TABLE n (id int, p_id int REFERENCES p (id))",
        {"p SHARE ROW EXCLUSIVE"});
    row("create table, table foreign key",
        "CREATE TABLE n (id int, FOREIGN KEY (id) REFERENCES s.p (id))",
        {"s.p SHARE ROW EXCLUSIVE"});
    row("create partition", "CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)",
        {"p ACCESS EXCLUSIVE"});
    row("create child", "CREATE TABLE c (x int) INHERITS (p)", {"p SHARE UPDATE EXCLUSIVE"});
    row("create table as", "CREATE TABLE n AS SELECT * FROM t", {});
    row("create view", "CREATE VIEW v AS SELECT * FROM t", {});
    row("create or replace view", "CREATE OR REPLACE VIEW v AS SELECT * FROM t",
        {"v ACCESS EXCLUSIVE"});
    row("create materialized view", "CREATE MATERIALIZED VIEW mv AS SELECT * FROM t", {});
    row("create sequence", "CREATE SEQUENCE s", {});
    row("create type", "CREATE TYPE mood AS ENUM ('sad', 'ok')", {});
    row("create function", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", {});
    row("create trigger", "CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
        {"t SHARE ROW EXCLUSIVE"});
    row("create policy", "CREATE POLICY p ON t USING (true)", {"t ACCESS EXCLUSIVE"});
    row("create rule", "CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING",
        {"t ACCESS EXCLUSIVE"});
    row("create statistics", "CREATE STATISTICS st ON a, b FROM t", {"t SHARE UPDATE EXCLUSIVE"});
    row("comment on table", "COMMENT ON TABLE s.t IS 'x'", {"s.t SHARE UPDATE EXCLUSIVE"});
    row("comment on column", "COMMENT ON COLUMN s.t.c IS 'x'", {"s.t SHARE UPDATE EXCLUSIVE"});
    row("comment on trigger", "COMMENT ON TRIGGER trg ON t IS 'x'", {"t ACCESS SHARE"});
    row("comment on schema", "COMMENT ON SCHEMA s IS 'x'", {});
    row("grant", "GRANT SELECT, INSERT ON t TO app", {});
    row("revoke", "REVOKE ALL ON t FROM app", {});
    row("drop function", "DROP FUNCTION f()", {});
    row("begin", "BEGIN", {});
    row("set", "SET lock_timeout = '5s'", {});
}

void TestLockForecast::notesSayWhatTheListDoesNot()
{
    QVERIFY(forecastOf("TRUNCATE a").notes.isEmpty());
    const LockForecast cascade = forecastOf("TRUNCATE a CASCADE");
    QCOMPARE(cascade.notes.size(), 1);
    QVERIFY(cascade.notes.first().contains(QStringLiteral("CASCADE")));
    QVERIFY(!forecastOf("INSERT INTO t VALUES (1)").notes.size());
    QCOMPARE(forecastOf("INSERT INTO t VALUES (f())").notes.size(), 1);
    QCOMPARE(forecastOf("VACUUM FULL").notes.size(), 1);
    QCOMPARE(forecastOf("REINDEX INDEX i").notes.size(), 1);
    QVERIFY(forecastOf("REINDEX INDEX CONCURRENTLY i").notes.isEmpty());
}

// Where a statement has an online form, it is a sentence naming it; the forms that run outside
// the statement's transaction name the migration directive.
void TestLockForecast::onlineFormsAreSentences()
{
    struct Case
    {
        QByteArray sql;
        QString word;
        bool noTransaction;
    };
    const QList<Case> cases{
        {"CREATE INDEX i ON t (a)", QStringLiteral("CONCURRENTLY"), true},
        {"DROP INDEX i", QStringLiteral("CONCURRENTLY"), true},
        {"REINDEX TABLE t", QStringLiteral("CONCURRENTLY"), true},
        // VALIDATE runs in a transaction of its own: the next statement of a no-transaction file
        {"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)", QStringLiteral("NOT VALID"), true},
        {"ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id)", QStringLiteral("VALIDATE"), true},
        {"ALTER TABLE t ALTER COLUMN c SET NOT NULL", QStringLiteral("CHECK (c IS NOT NULL)"),
         true},
        {"ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()", QStringLiteral("batches"),
         false},
        {"ALTER TABLE t ALTER COLUMN c TYPE bigint", QStringLiteral("swap"), false},
        {"ALTER TABLE t ADD PRIMARY KEY (id)", QStringLiteral("USING INDEX"), true},
        {"ALTER TABLE p DETACH PARTITION p1", QStringLiteral("CONCURRENTLY"), true},
        {"REFRESH MATERIALIZED VIEW mv", QStringLiteral("CONCURRENTLY"), false},
    };
    for (const Case &c : cases) {
        const LockForecast forecast = forecastOf(c.sql);
        QVERIFY2(!forecast.locks.isEmpty(), c.sql.constData());
        const QString online = forecast.locks.first().onlineForm;
        QVERIFY2(online.contains(c.word),
                 qPrintable(QString::fromUtf8(c.sql) + QStringLiteral(": ") + online));
        QVERIFY2(online.endsWith(u'.'), qPrintable(online));
        QCOMPARE(online.contains(QStringLiteral("-- uaip:no-transaction")), c.noTransaction);
    }
}

void TestLockForecast::unknownKindsAreNotChecked_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::newRow("do") << QByteArray("DO $$ BEGIN PERFORM 1; END $$");
    QTest::newRow("call") << QByteArray("CALL migrate_data()");
    QTest::newRow("create extension") << QByteArray("CREATE EXTENSION IF NOT EXISTS pgcrypto");
    QTest::newRow("drop extension") << QByteArray("DROP EXTENSION pgcrypto");
    QTest::newRow("drop schema cascade") << QByteArray("DROP SCHEMA s CASCADE");
    QTest::newRow("drop type cascade") << QByteArray("DROP TYPE mood CASCADE");
    QTest::newRow("alter system") << QByteArray("ALTER SYSTEM SET work_mem = '64MB'");
    QTest::newRow("create publication") << QByteArray("CREATE PUBLICATION pub FOR TABLE t");
    QTest::newRow("security label") << QByteArray("SECURITY LABEL ON TABLE t IS 'secret'");
    QTest::newRow("move all") << QByteArray("ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b");
}

void TestLockForecast::unknownKindsAreNotChecked()
{
    QFETCH(QByteArray, sql);
    const LockForecast forecast = forecastOf(sql);
    QVERIFY(forecast.notChecked);
    QVERIFY(!forecast.notes.isEmpty());
}

// A node kind this build's protobuf does not know (as a newer libpg_query sends it), anywhere in
// the statement: not checked, even under a statement whose kind is known.
void TestLockForecast::unknownNodeIsNotChecked()
{
    ProtobufCMessageUnknownField field{};
    field.tag = 999;
    field.wire_type = PROTOBUF_C_WIRE_TYPE_LENGTH_PREFIXED;
    PgQuery__Node future = PG_QUERY__NODE__INIT;
    future.base.n_unknown_fields = 1;
    future.base.unknown_fields = &field;
    PgQuery__RangeVar table = PG_QUERY__RANGE_VAR__INIT;
    table.relname = const_cast<char *>("t");
    PgQuery__DeleteStmt remove = PG_QUERY__DELETE_STMT__INIT;
    remove.relation = &table;
    PgQuery__Node root = PG_QUERY__NODE__INIT;
    root.node_case = PG_QUERY__NODE__NODE_DELETE_STMT;
    root.delete_stmt = &remove;
    QVERIFY(!StatementLockForecast::of(&root).notChecked);

    remove.where_clause = &future;
    const LockForecast forecast = StatementLockForecast::of(&root);
    QVERIFY(forecast.notChecked);
    QVERIFY(forecast.locks.isEmpty());
    QVERIFY(StatementLockForecast::of(nullptr).notChecked);
}

// A subcommand PostgreSQL 15's AlterTableGetLockLevel does not list (the grammar never makes
// it) is not checked; the others of the statement still count.
void TestLockForecast::unknownAlterTableSubcommandIsNotChecked()
{
    PgQuery__RangeVar table = PG_QUERY__RANGE_VAR__INIT;
    table.relname = const_cast<char *>("t");
    PgQuery__AlterTableCmd known = PG_QUERY__ALTER_TABLE_CMD__INIT;
    known.subtype = PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics;
    PgQuery__AlterTableCmd internal = PG_QUERY__ALTER_TABLE_CMD__INIT;
    internal.subtype = PG_QUERY__ALTER_TABLE_TYPE__AT_ReAddComment;
    PgQuery__Node knownNode = PG_QUERY__NODE__INIT;
    knownNode.node_case = PG_QUERY__NODE__NODE_ALTER_TABLE_CMD;
    knownNode.alter_table_cmd = &known;
    PgQuery__Node internalNode = knownNode;
    internalNode.alter_table_cmd = &internal;
    PgQuery__Node *cmds[] = {&knownNode, &internalNode};
    PgQuery__AlterTableStmt alter = PG_QUERY__ALTER_TABLE_STMT__INIT;
    alter.relation = &table;
    alter.objtype = PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
    alter.cmds = cmds;
    alter.n_cmds = 1;
    PgQuery__Node root = PG_QUERY__NODE__INIT;
    root.node_case = PG_QUERY__NODE__NODE_ALTER_TABLE_STMT;
    root.alter_table_stmt = &alter;

    const LockForecast one = StatementLockForecast::of(&root);
    QVERIFY(!one.notChecked);
    QCOMPARE(describe(one), QStringList{QStringLiteral("t SHARE UPDATE EXCLUSIVE")});
    alter.n_cmds = 2;
    const LockForecast both = StatementLockForecast::of(&root);
    QVERIFY(both.notChecked);
    QVERIFY(both.notes.first().contains(QStringLiteral("AT_ReAddComment")));
    QCOMPARE(describe(both), QStringList{QStringLiteral("t SHARE UPDATE EXCLUSIVE")});
}

QTEST_GUILESS_MAIN(TestLockForecast)
#include "tst_lockforecast.moc"
