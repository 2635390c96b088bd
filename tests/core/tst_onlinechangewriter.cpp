// Issue 59, point 1: an online change (expand/contract) written by OnlineChangeWriter from one
// statement. For each kind, on a table of 3,000 analyzed rows (over the run's limit of 1,000:
// a big table to BlockingWorkGate) whose schema, table and columns have quotes, spaces, ';' and
// a line break in their names: the statement is parsed, the scripts written from the catalog,
// the expand applied through MigrationRunner (plan check, blocking-work gate, batches), rows
// written through the old and the new name during the expand are the same in both shapes, the
// contract applied, the schema the same as the plain statement gives a twin table (column
// order aside), and the contract's and the expand's downs bring the schema back. Parse errors
// name line:col; each refusal names what holds the column.
#include "db/pgconnection.h"
#include "ledger/migrationsource.h"
#include "migrate/downtarget.h"
#include "migrate/migrationrunner.h"
#include "migrationfolder.h"
#include "migrationrunnertestutil.h"
#include "online/onlinechange.h"
#include "online/onlinechangewriter.h"
#include "onlinechangetestutil.h"
#include "testdatabase.h"

#include <QtTest>

#include <memory>

using namespace uaip;
using namespace uaip::test;

namespace {

// The table of every case, in a schema given by %1 ("my app" or the twin's schema).
constexpr const char *kTable = "%1.\"or\"\"ders x\"";
const QByteArray kName = "\"na\"\"me x\""; // text NOT NULL DEFAULT 'n', indexed, commented
const QByteArray kNewName = "\"new \"\"na;me\nx\""; // a quote, ';', a space and a line break

QByteArray table(const char *schema)
{
    return QString::fromLatin1(kTable).arg(QString::fromLatin1(schema)).toUtf8();
}

// The table in schema: 3,000 rows, analyzed; a plain index on the name and on amount.
QByteArray tableScript(const char *schema)
{
    const QByteArray t = table(schema);
    return "CREATE SCHEMA " + QByteArray(schema) + ";\nCREATE TABLE " + t + " (id int PRIMARY KEY, "
        + kName
        + " text NOT NULL DEFAULT 'n', amount int NOT NULL DEFAULT 0,\n"
          "    note text, other text);\n"
          "CREATE INDEX \"na\"\"me idx\" ON "
        + t + " (" + kName + ");\nCREATE INDEX \"amount idx\" ON " + t
        + " (amount DESC);\nCOMMENT ON COLUMN " + t + "." + kName
        + " IS 'the customer''s name';\nINSERT INTO " + t
        + " SELECT g, 'name ' || g, g, 'note ' || g FROM generate_series(1, 3000) g;\n"
          "GRANT SELECT, INSERT ON "
        + t + " TO PUBLIC;\nANALYZE " + t + ";\n";
}

// The table's shape: columns (by name, not order) with type, NOT NULL and default; indexes
// with their key; constraints; column comments.
QString shape(TestDatabase &db, const QByteArray &relation)
{
    return db.scalar(
        "SELECT (SELECT string_agg(format('%I %s%s %s', a.attname,"
        "          format_type(a.atttypid, a.atttypmod),"
        "          CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,"
        "          coalesce('DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')), E'\\n'"
        "          ORDER BY a.attname)"
        "        FROM pg_attribute a LEFT JOIN pg_attrdef d"
        "          ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
        "        WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped)"
        "  || E'\\n' || coalesce((SELECT string_agg(format('index %I %s %s', c.relname,"
        "          x.indisunique, pg_get_indexdef(x.indexrelid, 1, true)), E'\\n'"
        "          ORDER BY c.relname)"
        "        FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid"
        "        WHERE x.indrelid = to_regclass($1)), '')"
        "  || E'\\n' || coalesce((SELECT string_agg(format('constraint %I %s', conname, contype),"
        "          E'\\n' ORDER BY conname) FROM pg_constraint WHERE conrelid = to_regclass($1)"
        // PostgreSQL 18's NOT NULL constraints are the columns' NOT NULL above (their names
        // follow the column that made them, which an online copy makes anew)
        "          AND contype <> 'n'), "
        "'')"
        "  || E'\\n' || coalesce((SELECT string_agg(format('comment %I %s', a.attname,"
        "          col_description(a.attrelid, a.attnum)), E'\\n' ORDER BY a.attname)"
        "        FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0"
        "          AND col_description(a.attrelid, a.attnum) IS NOT NULL), '')",
        {QString::fromUtf8(relation)});
}

// The expand (0002) and contract (0003) on the runner, big tables over 1,000 rows.
struct Online
{
    MigrationFolder folder;
    QString conninfo;

    RunResult run(const std::function<RunResult(MigrationRunner &)> &what)
    {
        MigrationSource source;
        if (!source.load(folder.path())) {
            RunResult failed;
            failed.outcome = RunResult::Outcome::BadInput;
            failed.message = source.errors().join(u'\n');
            return failed;
        }
        PgConnection connection;
        if (!connection.open(conninfo, QStringLiteral("tst_onlinechangewriter")))
            qFatal("connect: %s", qPrintable(connection.connectionError()));
        MigrationRunOptions options;
        options.lockWaitMs = 5000;
        options.lockTimeoutMs = 5000;
        options.client = QStringLiteral("tst_onlinechangewriter");
        options.maxBlockingRows = 1000;
        // the test's own writes through the old names, after the expand
        options.forceContract = QStringLiteral("the test's own writes through the old name");
        MigrationRunner runner(connection, source.migrations(), options);
        return what(runner);
    }
    RunResult up(const char *to)
    {
        return run([&](MigrationRunner &r) {
            return r.up(MigrationVersion::parse(QString::fromLatin1(to)).value());
        });
    }
    RunResult downOne()
    {
        return run([](MigrationRunner &r) { return r.down(DownTarget{}); });
    }
};

// Parsed, written on db's catalog with the expand as 0002, and put in folder.
OnlineChangeScripts written(TestDatabase &db, const QByteArray &sql, Online &online)
{
    const Result<OnlineChange> change = OnlineChange::parse(sql);
    if (!change)
        qFatal("parse: %s", qPrintable(change.error().toString()));
    PgConnection catalog;
    if (!catalog.open(db.conninfo(), QStringLiteral("tst_onlinechangewriter")))
        qFatal("connect: %s", qPrintable(catalog.connectionError()));
    const Result<OnlineChangeScripts> scripts
        = OnlineChangeWriter::write(catalog, *change, QStringLiteral("0002"));
    if (!scripts)
        qFatal("write: %s", qPrintable(scripts.error().toString()));
    online.conninfo = db.conninfo();
    online.folder.add(QStringLiteral("0002_expand"), scripts->expandUp, scripts->expandDown);
    if (!scripts->single)
        online.folder.add(QStringLiteral("0003_contract"), scripts->contractUp,
                          scripts->contractDown);
    return *scripts;
}

} // namespace

class TestOnlineChangeWriter : public QObject
{
    Q_OBJECT

private slots:
    void renamesAColumnOnline();
    void changesATypeOnline();
    void catalogOnlyTypeChangeIsOneMigration();
    void setsNotNullOnline();
    void renamesATableOnline();
    void notesTheTablesOwnTriggers();
    void keepsTheStatisticsTarget();
    void keepsTheColumnsGrants();
};

void TestOnlineChangeWriter::renamesAColumnOnline()
{
    TestDatabase db;
    QVERIFY(exec(db, tableScript("\"my app\"") + tableScript("twin")));
    const QByteArray t = table("\"my app\"");
    const QString before = shape(db, t);
    Online online;
    const OnlineChangeScripts s
        = written(db, "ALTER TABLE " + t + " RENAME COLUMN " + kName + " TO " + kNewName, online);
    QVERIFY(!s.single);
    QVERIFY2(s.expandUp.startsWith("-- uaip:no-transaction\n-- uaip:batch rows=5000 pause=10ms\n"
                                   "-- uaip:expand\n"),
             s.expandUp.constData());
    QVERIFY2(s.contractUp.startsWith("-- uaip:contract-of 0002\n"), s.contractUp.constData());
    RunResult r = online.up("0002");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandUp)));
    QCOMPARE(r.backfills.size(), 1);
    QCOMPARE(r.backfills.first().changed, 3000);

    // writes through either name during the expand: both columns alike
    QVERIFY(exec(db,
                 "INSERT INTO " + t + " (id, " + kName
                     + ") VALUES (5001, 'by old');\n"
                       "INSERT INTO "
                     + t + " (id, " + kNewName
                     + ") VALUES (5002, 'by new');\n"
                       "UPDATE "
                     + t + " SET " + kName
                     + " = 'old set' WHERE id = 1;\n"
                       "UPDATE "
                     + t + " SET " + kNewName
                     + " = 'new set' WHERE id = 2;\n"
                       "UPDATE "
                     + t + " SET amount = 7 WHERE id = 3;\n"));
    QCOMPARE(db.scalar("SELECT count(*) FROM " + t + " WHERE " + kName + " IS DISTINCT FROM "
                       + kNewName),
             QStringLiteral("0"));
    QCOMPARE(db.scalar("SELECT string_agg(" + kNewName + ", ',' ORDER BY id) FROM " + t
                       + " WHERE id IN (1, 2, 3, 5001, 5002)"),
             QStringLiteral("old set,new set,name 3,by old,by new"));
    // NOT NULL holds through the CHECK for the new name too
    QVERIFY(!db.witness()
                 .exec("INSERT INTO " + t + " (id, " + kNewName + ", " + kName
                       + ") VALUES (5003, NULL, NULL)")
                 .ok());

    r = online.up("0003");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractUp)));
    QVERIFY(exec(
        db, "ALTER TABLE " + table("twin") + " RENAME COLUMN " + kName + " TO " + kNewName + ";"));
    QCOMPARE(shape(db, t), shape(db, table("twin")));
    QCOMPARE(db.scalar("SELECT count(*) FROM " + t + " WHERE " + kNewName + " LIKE 'name %'"),
             QStringLiteral("2998"));

    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractDown)));
    QCOMPARE(db.scalar("SELECT count(*) FROM " + t + " WHERE " + kName + " IS DISTINCT FROM "
                       + kNewName),
             QStringLiteral("0"));
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandDown)));
    QCOMPARE(shape(db, t), before);
    QCOMPARE(db.scalar("SELECT " + kName + " FROM " + t + " WHERE id = 5002"),
             QStringLiteral("by new"));
}

void TestOnlineChangeWriter::changesATypeOnline()
{
    TestDatabase db;
    QVERIFY(exec(db, tableScript("\"my app\"") + tableScript("twin")));
    const QByteArray t = table("\"my app\"");
    const QString before = shape(db, t);
    const QByteArray change = " ALTER COLUMN amount TYPE bigint USING amount * 10";
    // the plain statement blocks the big table while it rewrites it: the gate refuses it
    {
        Online plain;
        plain.conninfo = db.conninfo();
        plain.folder.add(QStringLiteral("0002_plain"), "ALTER TABLE " + t + change + ";\n",
                         "SELECT 1;\n");
        const RunResult refused = plain.up("0002");
        QVERIFY2(!refused.ok() && mentions(refused, QStringLiteral("blocks reads and writes")),
                 qPrintable(describe(refused)));
    }
    Online online;
    const OnlineChangeScripts s = written(db, "ALTER TABLE " + t + change, online);
    QVERIFY(!s.single);
    RunResult r = online.up("0002");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandUp)));
    // written through the old column: the new one follows by the USING expression
    QVERIFY(exec(db,
                 "INSERT INTO " + t + " (id, " + kName
                     + ", amount) VALUES (5001, 'x', 5);\n"
                       "UPDATE "
                     + t + " SET amount = 9 WHERE id = 1;\n"));
    r = online.up("0003");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractUp)));
    QVERIFY(exec(db,
                 "ALTER TABLE " + table("twin") + change + ";\nINSERT INTO " + table("twin")
                     + " (id, " + kName + ", amount) VALUES (5001, 'x', 50);\nUPDATE "
                     + table("twin") + " SET amount = 90 WHERE id = 1;"));
    QCOMPARE(shape(db, t), shape(db, table("twin")));
    QCOMPARE(db.scalar("SELECT sum(amount)::text || '/' || count(*) FROM " + t),
             db.scalar("SELECT sum(amount)::text || '/' || count(*) FROM " + table("twin")));

    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractDown)));
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandDown)));
    QCOMPARE(shape(db, t), before);
    // back through the cast to int: the values the contract left
    QCOMPARE(db.scalar("SELECT amount FROM " + t + " WHERE id = 5001"), QStringLiteral("50"));
}

void TestOnlineChangeWriter::catalogOnlyTypeChangeIsOneMigration()
{
    TestDatabase db;
    QVERIFY(exec(db,
                 tableScript("\"my app\"")
                     + "ALTER TABLE \"my app\".\"or\"\"ders x\" ALTER COLUMN other TYPE "
                       "varchar(20);"));
    const QByteArray t = table("\"my app\"");
    Online online;
    const OnlineChangeScripts s
        = written(db, "ALTER TABLE " + t + " ALTER COLUMN other TYPE varchar(50)", online);
    QVERIFY(s.single);
    QVERIFY(s.contractUp.isEmpty());
    QVERIFY(!s.notes.isEmpty());
    const RunResult r = online.up("0002");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandUp)));
    QCOMPARE(db.scalar("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid "
                       "= to_regclass($1) AND attname = 'other'",
                       {QString::fromUtf8(t)}),
             QStringLiteral("character varying(50)"));
}

void TestOnlineChangeWriter::setsNotNullOnline()
{
    TestDatabase db;
    QVERIFY(exec(db, tableScript("\"my app\"") + tableScript("twin")));
    const QByteArray t = table("\"my app\"");
    const QString before = shape(db, t);
    Online online;
    const OnlineChangeScripts s
        = written(db, "ALTER TABLE " + t + " ALTER COLUMN note SET NOT NULL", online);
    RunResult r = online.up("0002");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandUp)));
    QCOMPARE(db.scalar("SELECT bool_and(convalidated) FROM pg_constraint WHERE conrelid = "
                       "to_regclass($1) AND contype = 'c'",
                       {QString::fromUtf8(t)}),
             QStringLiteral("t"));
    QVERIFY(!db.witness().exec("INSERT INTO " + t + " (id) VALUES (5001)").ok());
    r = online.up("0003");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractUp)));
    QVERIFY(exec(db, "ALTER TABLE " + table("twin") + " ALTER COLUMN note SET NOT NULL;"));
    QCOMPARE(shape(db, t), shape(db, table("twin")));
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractDown)));
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandDown)));
    QCOMPARE(shape(db, t), before);
}

void TestOnlineChangeWriter::renamesATableOnline()
{
    TestDatabase db;
    QVERIFY(exec(db, tableScript("\"my app\"") + tableScript("twin")));
    const QByteArray t = table("\"my app\"");
    const QByteArray renamed = "\"my app\".\"new ord;ers\n\"";
    const QString before = shape(db, t);
    Online online;
    const OnlineChangeScripts s
        = written(db, "ALTER TABLE " + t + " RENAME TO \"new ord;ers\n\"", online);
    // what a view of the old name does not take is said
    QVERIFY2(s.notes.join(u'\n').contains(QStringLiteral("COPY ... FROM and TRUNCATE")),
             qPrintable(s.notes.join(u'\n')));
    RunResult r = online.up("0002");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandUp)));
    // the old name (a view) and the new one (the table) read and write the same rows
    QVERIFY(exec(db,
                 "INSERT INTO " + t + " (id, " + kName
                     + ") VALUES (5001, 'by old');\n"
                       "INSERT INTO "
                     + renamed + " (id, " + kName
                     + ") VALUES (5002, 'by new');\n"
                       "UPDATE "
                     + t
                     + " SET note = 'old set' WHERE id = 1;\n"
                       "UPDATE "
                     + renamed + " SET note = 'new set' WHERE id = 2;\n"));
    const QByteArray rows = " WHERE id IN (1, 2, 5001, 5002)";
    QCOMPARE(db.scalar("SELECT string_agg(concat_ws('/', id, " + kName
                       + ", note, amount), ',' ORDER BY id) FROM " + t + rows),
             QStringLiteral("1/name 1/old set/1,2/name 2/new set/2,5001/by old/0,5002/by new/0"));
    QCOMPARE(db.scalar("SELECT string_agg(concat_ws('/', id, " + kName
                       + ", note, amount), ',' ORDER BY id) FROM " + renamed + rows),
             db.scalar("SELECT string_agg(concat_ws('/', id, " + kName
                       + ", note, amount), ',' ORDER BY id) FROM " + t + rows));
    // the table's grants on the view of the old name
    QCOMPARE(db.scalar("SELECT has_table_privilege('public', $1, 'INSERT')::text",
                       {QString::fromUtf8(t)}),
             QStringLiteral("true"));
    r = online.up("0003");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractUp)));
    QCOMPARE(db.scalar("SELECT to_regclass($1) IS NULL", {QString::fromUtf8(t)}),
             QStringLiteral("t"));
    QVERIFY(exec(db, "ALTER TABLE " + table("twin") + " RENAME TO \"new ord;ers\n\";"));
    QCOMPARE(shape(db, renamed), shape(db, "twin.\"new ord;ers\n\""));
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractDown)));
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandDown)));
    QCOMPARE(shape(db, t), before);
    QCOMPARE(db.scalar("SELECT to_regclass($1) IS NULL", {QString::fromUtf8(renamed)}),
             QStringLiteral("t"));
}

// The table's own row triggers are named: each fires on every row the backfill updates, a
// BEFORE one named after the sync trigger ("zz_...") runs after the copy was made (a value it
// sets in the old column is not copied), and a function naming the old column breaks once the
// contract drops it. A statement trigger and a disabled one fire on no row of the backfill.
void TestOnlineChangeWriter::notesTheTablesOwnTriggers()
{
    TestDatabase db;
    QVERIFY(exec(db,
                 "CREATE TABLE users (id int PRIMARY KEY, email text);\n"
                 "CREATE FUNCTION norm() RETURNS trigger LANGUAGE plpgsql AS\n"
                 "  $$BEGIN NEW.email := lower(NEW.email); RETURN NEW; END$$;\n"
                 "CREATE TRIGGER zz_norm BEFORE INSERT OR UPDATE ON users\n"
                 "  FOR EACH ROW EXECUTE FUNCTION norm();\n"
                 "CREATE TRIGGER a_norm BEFORE UPDATE ON users\n"
                 "  FOR EACH ROW EXECUTE FUNCTION norm();\n"
                 "CREATE TRIGGER \"audit it\" AFTER UPDATE ON users\n"
                 "  FOR EACH ROW EXECUTE FUNCTION norm();\n"
                 "CREATE TRIGGER per_statement AFTER UPDATE ON users\n"
                 "  FOR EACH STATEMENT EXECUTE FUNCTION norm();\n"
                 "CREATE TRIGGER off BEFORE UPDATE ON users\n"
                 "  FOR EACH ROW EXECUTE FUNCTION norm();\n"
                 "ALTER TABLE users DISABLE TRIGGER off;\n"));
    const Result<OnlineChangeScripts> s
        = writeOn(db, "ALTER TABLE users RENAME COLUMN email TO mail");
    QVERIFY2(s, s ? "" : qPrintable(s.error().toString()));
    const QString notes = s->notes.join(u'\n');
    QVERIFY2(notes.contains(QStringLiteral("public.users has row triggers of its own on INSERT or "
                                           "UPDATE: a_norm (BEFORE), \"audit it\" (AFTER), "
                                           "zz_norm (BEFORE, fires after the sync trigger).")),
             qPrintable(notes));
    QVERIFY2(notes.contains(QStringLiteral("A trigger function that names email fails once the "
                                           "contract drops it")),
             qPrintable(notes));
    QVERIFY(!notes.contains(QStringLiteral("per_statement")));
    QVERIFY(!notes.contains(QStringLiteral("off (")));
    // a table without triggers of its own: no such note
    QVERIFY(exec(db, "CREATE TABLE plain (id int PRIMARY KEY, email text);"));
    const Result<OnlineChangeScripts> plain
        = writeOn(db, "ALTER TABLE plain RENAME COLUMN email TO mail");
    QVERIFY(plain);
    QVERIFY(!plain->notes.join(u'\n').contains(QStringLiteral("row triggers")));
}

// The old column's SET STATISTICS target goes to the new one (a column added has the default):
// after the expand and after the contract, as the plain statement keeps it; the contract's down
// gives it to the old column again.
void TestOnlineChangeWriter::keepsTheStatisticsTarget()
{
    TestDatabase db;
    QVERIFY(exec(db,
                 "CREATE TABLE users (id int PRIMARY KEY, email text);\n"
                 "ALTER TABLE users ALTER email SET STATISTICS 500;\n"
                 "INSERT INTO users SELECT g, 'm' || g FROM generate_series(1, 10) g;\n"));
    const auto target = [&db](const char *column) {
        return db.scalar("SELECT attstattarget FROM pg_attribute WHERE attrelid = "
                         "'users'::regclass AND attname = $1",
                         {QString::fromLatin1(column)});
    };
    Online online;
    const OnlineChangeScripts s
        = written(db, "ALTER TABLE users RENAME COLUMN email TO mail", online);
    RunResult r = online.up("0002");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandUp)));
    QCOMPARE(target("mail"), QStringLiteral("500"));
    r = online.up("0003");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractUp)));
    QCOMPARE(target("mail"), QStringLiteral("500"));
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractDown)));
    QCOMPARE(target("email"), QStringLiteral("500"));
}

// The old column's own grants (GRANT SELECT (c) ...) go to the new one, as the plain statement
// keeps them: after the expand and the contract the new column has the old one's ACL; the
// contract's down gives them to the old column again. (Another column's grants stay as they
// are.)
void TestOnlineChangeWriter::keepsTheColumnsGrants()
{
    TestDatabase db;
    QVERIFY(exec(db,
                 "CREATE TABLE users (id int PRIMARY KEY, email text, other text);\n"
                 "GRANT SELECT (id, email), UPDATE (email) ON users TO PUBLIC;\n"
                 "GRANT INSERT (email) ON users TO pg_monitor WITH GRANT OPTION;\n"
                 "GRANT SELECT (other) ON users TO PUBLIC;\n"));
    const auto acl = [&db](const char *column) {
        return db.scalar("SELECT attacl::text FROM pg_attribute WHERE attrelid = "
                         "'users'::regclass AND attname = $1",
                         {QString::fromLatin1(column)});
    };
    const QString before = acl("email");
    QVERIFY(!before.isEmpty());
    Online online;
    const OnlineChangeScripts s
        = written(db, "ALTER TABLE users RENAME COLUMN email TO mail", online);
    RunResult r = online.up("0002");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.expandUp)));
    QCOMPARE(acl("mail"), before);
    r = online.up("0003");
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractUp)));
    QCOMPARE(acl("mail"), before);
    r = online.downOne();
    QVERIFY2(r.ok(), qPrintable(describe(r) + QString::fromUtf8(s.contractDown)));
    QCOMPARE(acl("email"), before);
    QCOMPARE(acl("other"), QStringLiteral("{=r/") + db.scalar("SELECT current_user") + u'}');
}

QTEST_GUILESS_MAIN(TestOnlineChangeWriter)
#include "tst_onlinechangewriter.moc"
