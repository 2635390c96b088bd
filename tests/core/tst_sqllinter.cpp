// SqlLinter: destructive and risky statements, with the object and where they are.

#include "lint/sqllinter.h"

#include <QSet>
#include <QtTest>

using namespace uaip;

namespace {

// "kind severity object @line:col", one per finding, in order.
QStringList describe(const QList<LintFinding> &findings)
{
    QStringList list;
    for (const LintFinding &finding : findings) {
        list.append(QStringLiteral("%1 %2 %3 @%4")
                        .arg(LintFinding::kindName(finding.kind),
                             LintFinding::severityName(finding.severity), finding.object,
                             finding.position.toString()));
    }
    return list;
}

// Nothing to report, and a migration's own timeouts.
void basicRows()
{

    QTest::newRow("empty") << QByteArray() << QStringList();
    QTest::newRow("harmless") << QByteArray(
        "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
        "INSERT INTO users VALUES (1, 'a');\n"
        "UPDATE users SET email = 'b' WHERE id = 1;\n"
        "DELETE FROM users WHERE id = 2;\n"
        "SELECT * FROM users;\n"
        "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n"
        "ALTER TABLE accounts ADD COLUMN note text, ALTER COLUMN a DROP NOT NULL;\n"
        "CREATE VIEW v AS SELECT 1;\n"
        "COMMENT ON TABLE users IS 'drop table users;';")
                              << QStringList();

    // issue 43: a migration's own lock_timeout overrides the runner's short attempts
    QTest::newRow("set lock_timeout")
        << QByteArray("SET lock_timeout = 0;\nSET LOCAL statement_timeout = '1min';\n"
                      "SET search_path = app;")
        << QStringList{"sets_lock_timeout warning lock_timeout @1:1",
                       "sets_lock_timeout warning statement_timeout @2:1"};
}

// DROP statements.
void dropRows()
{
    // DROP
    QTest::newRow("drop table") << QByteArray("DROP TABLE users;")
                                << QStringList{"drop_table danger users @1:1"};
    QTest::newRow("drop tables, qualified and quoted, cascade")
        << QByteArray(
               "\n  DROP TABLE IF EXISTS public.users, \"Orders\", app.\"Line Items\" CASCADE;")
        << QStringList{"drop_table danger public.users @2:3", "drop_table danger \"Orders\" @2:3",
                       "drop_table danger app.\"Line Items\" @2:3"};
    QTest::newRow("drop schema") << QByteArray("DROP SCHEMA legacy;")
                                 << QStringList{"drop_schema danger legacy @1:1"};
    QTest::newRow("drop schema cascade") << QByteArray("DROP SCHEMA legacy CASCADE;")
                                         << QStringList{"drop_schema danger legacy @1:1"};
    QTest::newRow("drop type and domain")
        << QByteArray("DROP TYPE mood; DROP DOMAIN app.email;")
        << QStringList{"drop_type danger mood @1:1", "drop_type danger app.email @1:17"};
    QTest::newRow("drop view") << QByteArray("DROP VIEW reports.daily;")
                               << QStringList{"drop_other warning reports.daily @1:1"};
    QTest::newRow("drop view cascade is dangerous")
        << QByteArray("DROP MATERIALIZED VIEW m CASCADE;")
        << QStringList{"drop_other danger m @1:1"};
    QTest::newRow("drop function")
        << QByteArray("DROP FUNCTION app.touch(int[], text), other;")
        << QStringList{"drop_other warning app.touch(integer[], text) @1:1",
                       "drop_other warning other @1:1"};
    QTest::newRow("drop sequence loses its value")
        << QByteArray("DROP SEQUENCE order_no;") << QStringList{"drop_other danger order_no @1:1"};
    QTest::newRow("drop trigger") << QByteArray("DROP TRIGGER touch ON app.users;")
                                  << QStringList{"drop_other warning touch ON app.users @1:1"};
    QTest::newRow("drop extension cascade") << QByteArray("DROP EXTENSION pgcrypto CASCADE;")
                                            << QStringList{"drop_other danger pgcrypto @1:1"};
    QTest::newRow("drop database")
        << QByteArray("DROP DATABASE old;") << QStringList{"drop_database danger old @1:1"};
    QTest::newRow("drop owned") << QByteArray("DROP OWNED BY app;")
                                << QStringList{"drop_other danger app @1:1"};
    QTest::newRow("drop index") << QByteArray("DROP INDEX users_email_idx;")
                                << QStringList{"drop_index warning users_email_idx @1:1"};
    QTest::newRow("drop index concurrently")
        << QByteArray("DROP INDEX CONCURRENTLY users_email_idx;")
        << QStringList{"drop_index warning users_email_idx @1:1"};
}

// ALTER TABLE in place.
void alterRows()
{
    // ALTER TABLE
    QTest::newRow("drop column") << QByteArray("ALTER TABLE public.users DROP COLUMN email;")
                                 << QStringList{"drop_column danger public.users.email @1:1"};
    QTest::newRow("drop column without COLUMN, quoted")
        << QByteArray("ALTER TABLE ONLY \"Users\" DROP \"E-mail\";")
        << QStringList{"drop_column danger \"Users\".\"E-mail\" @1:1"};
    QTest::newRow("drop attribute of a type")
        << QByteArray("ALTER TYPE address DROP ATTRIBUTE zip;")
        << QStringList{"drop_column danger address.zip @1:1"};
    QTest::newRow("alter column type")
        << QByteArray("ALTER TABLE users ALTER COLUMN age TYPE numeric(10,2) USING age::numeric;")
        << QStringList{"alter_column_type danger users.age @1:1"};
    QTest::newRow("set not null") << QByteArray("ALTER TABLE users ALTER email SET NOT NULL;")
                                  << QStringList{"set_not_null warning users.email @1:1"};
    QTest::newRow("add column not null without default")
        << QByteArray("ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;")
        << QStringList{"add_not_null_without_default warning users.tenant_id @1:1"};
    QTest::newRow("add column primary key without default")
        << QByteArray("ALTER TABLE users ADD COLUMN id2 int PRIMARY KEY;")
        << QStringList{"add_not_null_without_default warning users.id2 @1:1",
                       "create_index_without_concurrently warning users.id2 @1:1"};
    QTest::newRow("add column not null default null")
        << QByteArray("ALTER TABLE users ADD COLUMN x int DEFAULT NULL NOT NULL;")
        << QStringList{"add_not_null_without_default warning users.x @1:1"};
    QTest::newRow("add column not null with a constant or stable default")
        << QByteArray("ALTER TABLE users ADD COLUMN a int NOT NULL DEFAULT 0,"
                      " ADD COLUMN b timestamptz NOT NULL DEFAULT now(),"
                      " ADD COLUMN c jsonb NOT NULL DEFAULT '{}'::jsonb,"
                      " ADD COLUMN e int;")
        << QStringList();
    QTest::newRow("add column not null filled by a rewrite")
        << QByteArray("ALTER TABLE users ADD COLUMN b bigserial NOT NULL,"
                      " ADD COLUMN c int NOT NULL GENERATED ALWAYS AS IDENTITY,"
                      " ADD COLUMN d int NOT NULL GENERATED ALWAYS AS (1) STORED;")
        << QStringList{"add_column_rewrites_table warning users.b @1:1",
                       "add_column_rewrites_table warning users.c @1:1",
                       "add_column_rewrites_table warning users.d @1:1"};
    QTest::newRow("foreign key and check without NOT VALID")
        << QByteArray("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) "
                      "REFERENCES users (id), ADD CHECK (total >= 0);")
        << QStringList{"add_constraint_without_not_valid warning orders.orders_user_fk @1:1",
                       "add_constraint_without_not_valid warning orders @1:1"};
    QTest::newRow("foreign key and check NOT VALID")
        << QByteArray("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES "
                      "users (id) NOT VALID, ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;"
                      "\nALTER TABLE orders VALIDATE CONSTRAINT other;")
        << QStringList();
    QTest::newRow("add primary key builds an index")
        << QByteArray("ALTER TABLE users ADD PRIMARY KEY (id);\n"
                      "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX i;")
        << QStringList{"create_index_without_concurrently warning users @1:1"};
    QTest::newRow("drop constraint")
        << QByteArray("ALTER TABLE users DROP CONSTRAINT users_age_check;")
        << QStringList{"drop_constraint warning users.users_age_check @1:1"};
    QTest::newRow("several commands, one statement")
        << QByteArray("ALTER TABLE app.users\n  DROP COLUMN a,\n  ALTER COLUMN b TYPE text,\n"
                      "  ALTER COLUMN c SET NOT NULL;")
        << QStringList{"drop_column danger app.users.a @1:1",
                       "alter_column_type danger app.users.b @1:1",
                       "set_not_null warning app.users.c @1:1"};
}

// Issue 43: the lock-safety rules (squawk's and more), each with its online form.
void lockRows()
{
    QTest::newRow("add column with a volatile default")
        << QByteArray("ALTER TABLE t ADD COLUMN a uuid DEFAULT gen_random_uuid(),"
                      " ADD COLUMN b timestamptz DEFAULT clock_timestamp(),"
                      " ADD COLUMN c text DEFAULT lower('X');")
        << QStringList{"add_column_rewrites_table warning t.a @1:1",
                       "add_column_rewrites_table warning t.b @1:1"};
    QTest::newRow("add column with a constraint of its own")
        << QByteArray("ALTER TABLE t ADD COLUMN u text UNIQUE,"
                      " ADD COLUMN r bigint REFERENCES accounts (id),"
                      " ADD COLUMN c int CHECK (c > 0);")
        << QStringList{"create_index_without_concurrently warning t.u @1:1",
                       "add_constraint_without_not_valid warning t.r @1:1",
                       "add_constraint_without_not_valid warning t.c @1:1"};
    QTest::newRow("validate in the transaction of its NOT VALID add")
        << QByteArray("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES "
                      "users (id) NOT VALID;\nALTER TABLE public.orders VALIDATE CONSTRAINT fk;")
        << QStringList{"validate_in_same_transaction warning public.orders.fk @2:1"};
    QTest::newRow("validate in a migration outside a transaction")
        << QByteArray("-- uaip:no-transaction\n"
                      "ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;\n"
                      "ALTER TABLE orders VALIDATE CONSTRAINT c;")
        << QStringList();
    QTest::newRow("validate inside and after an explicit transaction block")
        << QByteArray("-- uaip:no-transaction\nBEGIN;\n"
                      "ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID;\n"
                      "ALTER TABLE orders VALIDATE CONSTRAINT c;\nCOMMIT;\n"
                      "ALTER TABLE orders VALIDATE CONSTRAINT c;")
        << QStringList{"validate_in_same_transaction warning orders.c @4:1"};
    QTest::newRow("detach partition")
        << QByteArray("ALTER TABLE m DETACH PARTITION m_2019;\n"
                      "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY;")
        << QStringList{"detach_partition_without_concurrently warning m_2019 @1:1"};
    QTest::newRow("reindex") << QByteArray(
        "REINDEX INDEX i; REINDEX TABLE app.t; REINDEX SCHEMA s;\n"
        "REINDEX (CONCURRENTLY) TABLE t; REINDEX INDEX CONCURRENTLY i;")
                             << QStringList{"reindex_without_concurrently warning i @1:1",
                                            "reindex_without_concurrently warning app.t @1:18",
                                            "reindex_without_concurrently warning s @1:39"};
    QTest::newRow("vacuum full") << QByteArray(
        "VACUUM FULL t; VACUUM (FULL, ANALYZE) a.b;\n"
        "VACUUM t; VACUUM (FULL false) t; ANALYZE t; VACUUM (ANALYZE) t;")
                                 << QStringList{"vacuum_full warning t @1:1",
                                                "vacuum_full warning a.b @1:16"};
    QTest::newRow("vacuum full of every table")
        << QByteArray("VACUUM FULL;") << QStringList{"vacuum_full warning  @1:1"};
    QTest::newRow("cluster") << QByteArray("CLUSTER t USING t_pkey;\n"
                                           "CREATE TABLE n (id int PRIMARY KEY);\n"
                                           "CLUSTER n USING n_pkey;")
                             << QStringList{"cluster warning t @1:1"};
    QTest::newRow("create domain with a constraint")
        << QByteArray("CREATE DOMAIN d AS int CHECK (VALUE > 0);\n"
                      "CREATE DOMAIN app.e AS text NOT NULL;\n"
                      "CREATE DOMAIN f AS text DEFAULT 'x' COLLATE \"C\";")
        << QStringList{"create_domain_with_constraint warning d @1:1",
                       "create_domain_with_constraint warning app.e @2:1"};
    QTest::newRow("alter domain add constraint")
        << QByteArray("ALTER DOMAIN app.email ADD CONSTRAINT at CHECK (VALUE LIKE '%@%');\n"
                      "ALTER DOMAIN app.email ADD CONSTRAINT dot CHECK (VALUE LIKE '%.%') NOT "
                      "VALID;\nALTER DOMAIN app.email VALIDATE CONSTRAINT dot;")
        << QStringList{"alter_domain_add_constraint warning app.email @1:1"};
    QTest::newRow("concurrently inside an explicit transaction block")
        << QByteArray("-- uaip:no-transaction\nBEGIN;\n"
                      "CREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;\n"
                      "CREATE INDEX CONCURRENTLY j ON t (b);\nDROP INDEX CONCURRENTLY k;")
        << QStringList{"refused_in_transaction_block danger  @3:1", "drop_index warning k @6:1"};
    QTest::newRow("concurrently in a migration's transaction is the plan check's")
        << QByteArray("CREATE INDEX CONCURRENTLY i ON t (a);") << QStringList();
    QTest::newRow("truncate cascade")
        << QByteArray("TRUNCATE sessions CASCADE;") << QStringList{"truncate danger sessions @1:1"};
}

// Statements that destroy or overwrite rows.
void dataRows()
{
    // Data
    QTest::newRow("truncate") << QByteArray("TRUNCATE audit.log, sessions RESTART IDENTITY;")
                              << QStringList{"truncate danger audit.log @1:1",
                                             "truncate danger sessions @1:1"};
    QTest::newRow("delete without where")
        << QByteArray("DELETE FROM ONLY app.sessions;")
        << QStringList{"delete_without_where danger app.sessions @1:1"};
    QTest::newRow("update without where") << QByteArray("UPDATE users SET active = false;")
                                          << QStringList{"update_without_where danger users @1:1"};
    QTest::newRow("delete inside WITH")
        << QByteArray("WITH gone AS (DELETE FROM sessions RETURNING id) SELECT count(*) FROM gone;")
        << QStringList{"delete_without_where danger sessions @1:1"};
    QTest::newRow("update inside WITH of an insert")
        << QByteArray("WITH u AS (UPDATE users SET n = n + 1 RETURNING id) INSERT INTO log SELECT "
                      "id FROM u;")
        << QStringList{"update_without_where danger users @1:1"};
    QTest::newRow("where current of counts as where")
        << QByteArray("DELETE FROM t WHERE CURRENT OF c;") << QStringList();
    QTest::newRow("update with a deeply nested expression")
        << "UPDATE big SET total = 0" + QByteArray(" + 1").repeated(700) + ";"
        << QStringList{"update_without_where danger big @1:1"};
}

// Renames and indexes.
void renameAndIndexRows()
{
    // Renames
    QTest::newRow("rename table") << QByteArray("ALTER TABLE app.users RENAME TO members;")
                                  << QStringList{"rename_table warning app.users @1:1"};
    QTest::newRow("rename column")
        << QByteArray("ALTER TABLE users RENAME COLUMN \"Email\" TO email;")
        << QStringList{"rename_column warning users.\"Email\" @1:1"};
    QTest::newRow("rename view, schema, function")
        << QByteArray("ALTER VIEW v RENAME TO w; ALTER SCHEMA s RENAME TO t; "
                      "ALTER FUNCTION f(int) RENAME TO g;")
        << QStringList{"rename_other warning v @1:1", "rename_other warning s @1:27",
                       "rename_other warning f(integer) @1:55"};
    QTest::newRow("renames that break nothing")
        << QByteArray("ALTER TABLE t RENAME CONSTRAINT a TO b; ALTER INDEX i RENAME TO j;")
        << QStringList();

    // Indexes
    QTest::newRow("create index without concurrently")
        << QByteArray("CREATE UNIQUE INDEX users_email_idx ON app.users (lower(email));\n"
                      "CREATE INDEX ON orders (user_id);")
        << QStringList{"create_index_without_concurrently warning app.users @1:1",
                       "create_index_without_concurrently warning orders @2:1"};
}

// Tables created by the same file, and DO blocks.
void newTableAndDoRows()
{
    // Tables created by the same file hold nothing from before the migration.
    QTest::newRow("new table") << QByteArray(
        "CREATE TABLE app.staging (id int, email text);\n"
        "CREATE INDEX ON staging (id);\n"
        "ALTER TABLE staging ADD COLUMN tenant int NOT NULL, ALTER email SET NOT NULL,"
        " ALTER id TYPE bigint, DROP COLUMN email, ADD FOREIGN KEY (id) REFERENCES users;\n"
        "DELETE FROM staging; UPDATE staging SET id = 1; TRUNCATE staging;\n"
        "ALTER TABLE staging RENAME TO imported;\n"
        "CREATE INDEX ON app.imported (id);\n"
        "DROP TABLE imported;\n"
        "DROP TABLE imported;") // the second drop is of some other, older table
                               << QStringList{"drop_table danger imported @8:1"};
    QTest::newRow("create table as and select into")
        << QByteArray("CREATE TABLE copy AS SELECT * FROM users; SELECT * INTO copy2 FROM users;\n"
                      "CREATE INDEX ON copy (id); CREATE INDEX ON copy2 (id);")
        << QStringList();
    QTest::newRow("new table in another schema is another table")
        << QByteArray("CREATE TABLE a.t (id int);\nCREATE INDEX ON b.t (id);")
        << QStringList{"create_index_without_concurrently warning b.t @2:1"};
    QTest::newRow("create table if not exists may be an old table")
        << QByteArray("CREATE TABLE IF NOT EXISTS t (id int);\nDELETE FROM t;")
        << QStringList{"delete_without_where danger t @2:1"};

    // DO blocks: each statement at its own line.
    QTest::newRow("do block") << QByteArray(
        "DO $$\n"
        "BEGIN\n"
        "  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'old') THEN\n"
        "    DROP TABLE old;\n"
        "  ELSE\n"
        "    DELETE FROM logs;\n"
        "  END IF;\n"
        "  EXECUTE 'DROP TABLE hidden';\n"
        "END\n"
        "$$;")
                              << QStringList{"drop_table danger old @4:5",
                                             "delete_without_where danger logs @6:5"};
    QTest::newRow("do block, explicit language, after multibyte text")
        << QByteArray("SELECT '\xC3\xA9\xC3\xA9'; DO LANGUAGE plpgsql $body$ BEGIN TRUNCATE t; END "
                      "$body$;")
        << QStringList{"truncate danger t @1:41"}; // at the block body
    QTest::newRow("do block in another language is not read")
        << QByteArray("DO LANGUAGE plperl $$ DROP TABLE x; $$;") << QStringList();
    QTest::newRow("function bodies are not run by the migration") << QByteArray(
        "CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM logs $$;")
                                                                  << QStringList();
}

// Where findings point.
void positionRows()
{
    // Positions
    QTest::newRow("positions skip comments")
        << QByteArray("-- uaip:lock-timeout=5s\n/* careful */\n\n   DROP TABLE a; -- gone\n"
                      "  /* next */ DROP TABLE b;")
        << QStringList{"drop_table danger a @4:4", "drop_table danger b @5:14"};
    QTest::newRow("positions with crlf and bom")
        << QByteArray("\xEF\xBB\xBF-- x\r\nSELECT 1;\r\n\r\n  TRUNCATE t;\r\n")
        << QStringList{"truncate danger t @4:3"};
}
} // namespace

class TestSqlLinter : public QObject
{
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void messages_data();
    void messages();
    void findingsPointAtTheirStatement();
    void syntaxErrorGivesNoFindings();
    void kindNamesAreStableAndDistinct();
};

void TestSqlLinter::findings_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QStringList>("expected");
    basicRows();
    dropRows();
    alterRows();
    lockRows();
    dataRows();
    renameAndIndexRows();
    newTableAndDoRows();
    positionRows();
}

void TestSqlLinter::findings()
{
    QFETCH(QByteArray, sql);
    QFETCH(QStringList, expected);

    const SqlSplitResult split = SqlSplitter::split(sql);
    const std::optional<SqlSyntaxError> &error = split.error;
    const QList<LintFinding> findings = SqlLinter::lint(sql, split);
    QVERIFY2(!error.has_value(), error ? qPrintable(error->toString()) : "");
    QCOMPARE(describe(findings), expected);
}

void TestSqlLinter::messages_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("message");

    QTest::newRow("drop column") << QByteArray("ALTER TABLE users DROP COLUMN email;")
                                 << "DROP COLUMN users.email destroys the column and its data";
    QTest::newRow("drop column cascade")
        << QByteArray("ALTER TABLE users DROP COLUMN email CASCADE;")
        << "DROP COLUMN users.email destroys the column and its data; CASCADE also drops every "
           "object that depends on it";
    QTest::newRow("drop table") << QByteArray("DROP TABLE public.users;")
                                << "DROP TABLE public.users destroys the table and all its rows";
    QTest::newRow("drop schema cascade")
        << QByteArray("DROP SCHEMA app CASCADE;")
        << "DROP SCHEMA app CASCADE destroys the schema and every table, row and object in it";
    QTest::newRow("drop view") << QByteArray("DROP VIEW v;")
                               << "DROP VIEW v removes the view; anything that still uses it will "
                                  "fail";
    QTest::newRow("truncate") << QByteArray("TRUNCATE t;")
                              << "TRUNCATE t deletes every row of the table";
    QTest::newRow("delete") << QByteArray("DELETE FROM t;")
                            << "DELETE FROM t without WHERE deletes every row of the table";
    QTest::newRow("update") << QByteArray("UPDATE t SET a = 1;")
                            << "UPDATE t without WHERE changes every row of the table";
    QTest::newRow("type change") << QByteArray("ALTER TABLE t ALTER c TYPE varchar(20);")
                                 << "ALTER COLUMN t.c TYPE character varying(20) can rewrite the "
                                    "whole table under an exclusive lock, and converting the "
                                    "values can fail or lose data (length, precision, time zone)";
    QTest::newRow("set not null")
        << QByteArray("ALTER TABLE t ALTER c SET NOT NULL;")
        << "SET NOT NULL on t.c scans the whole table under an exclusive lock and fails if any "
           "row holds NULL";
    QTest::newRow("not null without default")
        << QByteArray("ALTER TABLE t ADD c int NOT NULL;")
        << "ADD COLUMN t.c NOT NULL without a DEFAULT fails as soon as the table has a row";
    QTest::newRow("rename column")
        << QByteArray("ALTER TABLE t RENAME c TO d;")
        << "RENAME COLUMN t.c to d breaks every query and program that still uses the old name";
    QTest::newRow("volatile default")
        << QByteArray("ALTER TABLE t ADD c timestamptz DEFAULT clock_timestamp();")
        << "ADD COLUMN t.c with a volatile DEFAULT (one computed for each row) rewrites the whole "
           "table while it blocks reads and writes; add the column without it (a constant or "
           "stable DEFAULT is stored once) and fill the existing rows in batches";
    QTest::newRow("validate in the same transaction")
        << QByteArray("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\n"
                      "ALTER TABLE t VALIDATE CONSTRAINT c;")
        << "VALIDATE CONSTRAINT c runs in the transaction that added it NOT VALID, so it scans t "
           "while the ADD's exclusive lock is still held; validate it in a later migration";
    QTest::newRow("detach partition")
        << QByteArray("ALTER TABLE m DETACH PARTITION m_1;")
        << "DETACH PARTITION m_1 without CONCURRENTLY blocks reads and writes of m while it waits "
           "for its lock and runs; use DETACH PARTITION ... CONCURRENTLY in a "
           "-- uaip:no-transaction migration";
    QTest::newRow("reindex") << QByteArray("REINDEX TABLE t;")
                             << "REINDEX TABLE t without CONCURRENTLY blocks writes to the table, "
                                "and reads that use the index, until it is rebuilt; use REINDEX "
                                "... CONCURRENTLY in a -- uaip:no-transaction migration";
    QTest::newRow("concurrently inside BEGIN")
        << QByteArray("-- uaip:no-transaction\nBEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);")
        << "CREATE INDEX CONCURRENTLY inside BEGIN ... COMMIT fails: PostgreSQL refuses it in a "
           "transaction block; run it after the COMMIT";
    QTest::newRow("create index")
        << QByteArray("CREATE INDEX i ON t (a);")
        << "CREATE INDEX i ON t without CONCURRENTLY blocks writes to the table until the index "
           "is built; use CREATE INDEX CONCURRENTLY in a -- uaip:no-transaction migration";
}

void TestSqlLinter::messages()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, message);

    const QList<LintFinding> findings = SqlLinter::lint(sql, SqlSplitter::split(sql));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().message, message);
}

void TestSqlLinter::findingsPointAtTheirStatement()
{
    const QByteArray sql = "SELECT 1;\n-- drop it\nDROP TABLE a;\n\n  ALTER TABLE b DROP c;";
    const QList<LintFinding> findings = SqlLinter::lint(sql, SqlSplitter::split(sql));
    QCOMPARE(findings.size(), 2);
    QCOMPARE(sql.mid(findings.at(0).offset, 10), QByteArray("DROP TABLE"));
    QCOMPARE(sql.mid(findings.at(1).offset, 11), QByteArray("ALTER TABLE"));
    QCOMPARE(findings.at(1).position.toString(), QStringLiteral("5:3"));
}

void TestSqlLinter::syntaxErrorGivesNoFindings()
{
    const QByteArray sql = "DROP TABLE a;\n\n\n\n\n\nSELECT a b c;\nDROP TABLE b;";
    const SqlSplitResult split = SqlSplitter::split(sql);
    QVERIFY(SqlLinter::lint(sql, split).isEmpty());
    QVERIFY(split.error.has_value());
    QCOMPARE(split.error->position.toString(), QStringLiteral("7:12"));
}

void TestSqlLinter::kindNamesAreStableAndDistinct()
{
    QCOMPARE(LintFinding::kindName(LintFinding::Kind::DropTable), QStringLiteral("drop_table"));
    QCOMPARE(LintFinding::kindName(LintFinding::Kind::AddNotNullWithoutDefault),
             QStringLiteral("add_not_null_without_default"));
    QCOMPARE(LintFinding::kindName(LintFinding::Kind::CreateIndexWithoutConcurrently),
             QStringLiteral("create_index_without_concurrently"));
    QCOMPARE(LintFinding::severityName(LintFinding::Severity::Danger), QStringLiteral("danger"));
    QCOMPARE(LintFinding::severityName(LintFinding::Severity::Warning), QStringLiteral("warning"));

    QSet<QString> names;
    QCOMPARE(LintFinding::kindName(LintFinding::Kind::AddColumnRewritesTable),
             QStringLiteral("add_column_rewrites_table"));
    QCOMPARE(LintFinding::kindName(LintFinding::Kind::RefusedInTransactionBlock),
             QStringLiteral("refused_in_transaction_block"));
    const int last = static_cast<int>(LintFinding::Kind::RefusedInTransactionBlock);
    for (int i = 0; i <= last; ++i) {
        const QString name = LintFinding::kindName(static_cast<LintFinding::Kind>(i));
        QVERIFY2(name != u"unknown", qPrintable(QString::number(i)));
        static const QRegularExpression snakeCase(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
        QVERIFY2(snakeCase.match(name).hasMatch(), qPrintable(name));
        names.insert(name);
    }
    QCOMPARE(names.size(), last + 1);
}

QTEST_GUILESS_MAIN(TestSqlLinter)
#include "tst_sqllinter.moc"
