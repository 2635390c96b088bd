// Issue 59, point 1: what OnlineChangeWriter refuses, and why. The statement is read from its
// typed tree: parse errors name line:col and list the five forms; a column or table the online
// form cannot carry (a key, a constraint, an index of several columns, a view, a policy, ...)
// is refused naming what holds it, and nothing is written.
#include "db/pgconnection.h"
#include "migrationrunnertestutil.h"
#include "online/onlinechange.h"
#include "online/onlinechangewriter.h"
#include "onlinechangetestutil.h"
#include "testdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestOnlineChangeRefusals : public QObject
{
    Q_OBJECT
private slots:
    void parsesTheFourForms();
    void parseErrorsNameLineAndColumn_data();
    void parseErrorsNameLineAndColumn();
    void refusesAColumnInUse_data();
    void refusesAColumnInUse();
    void refusesAShape_data();
    void refusesAShape();
    void refusesAVersionThatIsNone();

private:
    static void refusal();
};

void TestOnlineChangeRefusals::parsesTheFourForms()
{
    Result<OnlineChange> c = OnlineChange::parse(
        "ALTER TABLE \"my app\".\"or\"\"ders x\" RENAME COLUMN \"na\"\"me x\" TO \"new\nname\";");
    QVERIFY2(c, qPrintable(why(c)));
    QCOMPARE(c->kind, OnlineChange::Kind::RenameColumn);
    QCOMPARE(c->schema, QStringLiteral("my app"));
    QCOMPARE(c->table, QStringLiteral("or\"ders x"));
    QCOMPARE(c->column, QStringLiteral("na\"me x"));
    QCOMPARE(c->newName, QStringLiteral("new\nname"));

    c = OnlineChange::parse("alter table t rename to u");
    QVERIFY2(c, qPrintable(why(c)));
    QCOMPARE(c->kind, OnlineChange::Kind::RenameTable);
    QVERIFY(c->schema.isEmpty());
    QCOMPARE(c->newName, QStringLiteral("u"));

    c = OnlineChange::parse("-- cents\nALTER TABLE s.t ALTER COLUMN c SET DATA TYPE numeric(12, 2)"
                            " /* x */ USING (c / 100.0)::numeric -- end\n;");
    QVERIFY2(c, qPrintable(why(c)));
    QCOMPARE(c->kind, OnlineChange::Kind::ChangeType);
    QCOMPARE(c->newType, QByteArray("numeric(12, 2)"));
    QCOMPARE(c->usingExpr, QByteArray("(c / 100.0)::numeric"));

    c = OnlineChange::parse("ALTER TABLE t ALTER c TYPE varchar(50) COLLATE \"C\"");
    QVERIFY2(c, qPrintable(why(c)));
    QCOMPARE(c->newType, QByteArray("varchar(50) COLLATE \"C\""));
    QVERIFY(c->usingExpr.isEmpty());

    c = OnlineChange::parse("ALTER TABLE t ALTER COLUMN \"Odd\" SET NOT NULL;");
    QVERIFY2(c, qPrintable(why(c)));
    QCOMPARE(c->kind, OnlineChange::Kind::SetNotNull);
    QCOMPARE(c->column, QStringLiteral("Odd"));
    QCOMPARE(c->describe(), QStringLiteral("make \"Odd\" of t NOT NULL"));
}

void TestOnlineChangeRefusals::parseErrorsNameLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("at");
    QTest::newRow("two statements")
        << QByteArray("ALTER TABLE t RENAME TO u;\n  SELECT 1;") << QStringLiteral("2:3: ");
    QTest::newRow("two commands") << QByteArray(
        "\nALTER TABLE t ALTER c SET NOT NULL, ALTER d SET NOT NULL")
                                  << QStringLiteral("2:1: ");
    QTest::newRow("add column") << QByteArray("ALTER TABLE t ADD COLUMN c int")
                                << QStringLiteral("1:1: ");
    QTest::newRow("rename of an index")
        << QByteArray("ALTER INDEX i RENAME TO j") << QStringLiteral("1:1: ");
    QTest::newRow("rename of a view's column")
        << QByteArray("ALTER VIEW v RENAME COLUMN a TO b") << QStringLiteral("1:1: ");
    QTest::newRow("syntax error") << QByteArray("ALTER TABLE t RENAME COLUMN TO b")
                                  << QStringLiteral("1:29: ");
    QTest::newRow("none") << QByteArray("-- nothing\n") << QStringLiteral("1:1: ");
}

void TestOnlineChangeRefusals::parseErrorsNameLineAndColumn()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, at);
    const Result<OnlineChange> c = OnlineChange::parse(sql);
    QVERIFY(!c);
    QCOMPARE(c.error().code(), ErrorCode::BadInput);
    QVERIFY2(c.error().text().startsWith(at), qPrintable(c.error().text()));
    QVERIFY2(c.error().text().contains(QStringLiteral("ALTER TABLE t RENAME COLUMN a TO b; "
                                                      "ALTER TABLE t RENAME TO u; ALTER TABLE t "
                                                      "ALTER COLUMN c TYPE T [USING expr]; "
                                                      "ALTER TABLE t ALTER COLUMN c SET NOT NULL")),
             qPrintable(c.error().text()));
}

namespace {

// Every refusal row: the set-up script, the statement, what the refusal says.
QByteArray columns()
{
    QTest::addColumn<QByteArray>("setup");
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("said");
    return "CREATE TABLE users (id int PRIMARY KEY, name text, email text, "
           "n int, CONSTRAINT n_positive CHECK (n > 0));\n";
}

} // namespace

// A column a key, a constraint, an index or a view holds.
void TestOnlineChangeRefusals::refusesAColumnInUse_data()
{
    const QByteArray base = columns();
    QTest::newRow("primary key") << base << QByteArray("ALTER TABLE users RENAME id TO key")
                                 << QStringLiteral("public.users.id is in constraint users_pkey");
    QTest::newRow("foreign key") << base
            + "CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n"
                                 << QByteArray("ALTER TABLE posts RENAME user_id TO author")
                                 << QStringLiteral("(a foreign key)");
    QTest::newRow("check") << base << QByteArray("ALTER TABLE users RENAME n TO m")
                           << QStringLiteral("n_positive");
    QTest::newRow("unique") << base + "ALTER TABLE users ADD UNIQUE (email);\n"
                            << QByteArray("ALTER TABLE users RENAME email TO mail")
                            << QStringLiteral("(a UNIQUE constraint)");
    QTest::newRow("expression index")
        << base + "CREATE INDEX users_name_lower_idx ON users (lower(name));\n"
        << QByteArray("ALTER TABLE users RENAME name TO full_name")
        << QStringLiteral("public.users.name is in index users_name_lower_idx (an expression): "
                          "no online form is written for it");
    QTest::newRow("partial index")
        << base + "CREATE INDEX partial_idx ON users (name) WHERE n > 1;\n"
        << QByteArray("ALTER TABLE users ALTER name TYPE varchar(10)")
        << QStringLiteral("(a partial index)");
    QTest::newRow("multi-column index") << base + "CREATE INDEX two ON users (name, email);\n"
                                        << QByteArray("ALTER TABLE users RENAME name TO full_name")
                                        << QStringLiteral("(of several columns)");
    QTest::newRow("view") << base + "CREATE VIEW v AS SELECT name FROM users;\n"
                          << QByteArray("ALTER TABLE users RENAME name TO full_name")
                          << QStringLiteral("(a view)");
}

// A column or table whose kind, type or state has no online form, one a replica identity, a
// sequence, a policy or a trigger holds, a name not there or taken.
void TestOnlineChangeRefusals::refusesAShape_data()
{
    const QByteArray base = columns();
    QTest::newRow("generated") << QByteArray(
        "CREATE TABLE users (id int PRIMARY KEY, n int GENERATED ALWAYS AS (id * "
        "2) STORED);\n") << QByteArray("ALTER TABLE users RENAME n TO m")
                               << QStringLiteral("is an identity or generated column");
    QTest::newRow("identity") << QByteArray(
        "CREATE TABLE users (id int PRIMARY KEY, n int GENERATED ALWAYS AS "
        "IDENTITY);\n") << QByteArray("ALTER TABLE users ALTER n TYPE bigint")
                              << QStringLiteral("is an identity or generated column");
    QTest::newRow("partitioned") << QByteArray(
        "CREATE TABLE users (id int, n int) PARTITION BY RANGE (id);\n")
                                 << QByteArray("ALTER TABLE users RENAME n TO m")
                                 << QStringLiteral("public.users is a partitioned table");
    QTest::newRow("no primary key") << QByteArray("CREATE TABLE users (id int, n int);\n")
                                    << QByteArray("ALTER TABLE users RENAME n TO m")
                                    << QStringLiteral("public.users has no primary key");
    QTest::newRow("no such column") << base << QByteArray("ALTER TABLE users RENAME nope TO m")
                                    << QStringLiteral("public.users.nope does not exist");
    QTest::newRow("name taken") << base << QByteArray("ALTER TABLE users RENAME name TO email")
                                << QStringLiteral("public.users.email exists already");
    QTest::newRow("not null already")
        << base << QByteArray("ALTER TABLE users ALTER id SET NOT NULL")
        << QStringLiteral("public.users.id is NOT NULL already");
    QTest::newRow("old operator class")
        << base + "CREATE INDEX name_pattern ON users (name text_pattern_ops);\n"
        << QByteArray("ALTER TABLE users ALTER name TYPE varchar(10)")
        << QStringLiteral("is in index name_pattern (an operator class or collation of the old "
                          "type)");
    QTest::newRow("composite not null")
        << QByteArray("CREATE TYPE pair AS (a int, b int);\n"
                      "CREATE TABLE users (id int PRIMARY KEY, p pair);\n")
        << QByteArray("ALTER TABLE users ALTER p SET NOT NULL")
        << QStringLiteral("public.users.p is of a composite type or a domain");
    QTest::newRow("replica identity")
        << base
            + "ALTER TABLE users ALTER email SET NOT NULL;\n"
              "CREATE UNIQUE INDEX users_email_ri ON users (email);\n"
              "ALTER TABLE users REPLICA IDENTITY USING INDEX users_email_ri;\n"
        << QByteArray("ALTER TABLE users RENAME email TO mail")
        << QStringLiteral("public.users.email is in index users_email_ri (the table's replica "
                          "identity)");
    QTest::newRow("serial") << QByteArray("CREATE TABLE users (id int PRIMARY KEY, n serial);\n")
                            << QByteArray("ALTER TABLE users RENAME n TO m")
                            << QStringLiteral("is in sequence users_n_seq (a sequence the column "
                                              "owns, as a serial column's)");
    QTest::newRow("policy") << base + "CREATE POLICY mine ON users USING (name = current_user);\n"
                            << QByteArray("ALTER TABLE users RENAME name TO full_name")
                            << QStringLiteral("is in policy mine on table users (a row-level "
                                              "security policy)");
    QTest::newRow("trigger of a column") << base
            + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
              "CREATE TRIGGER on_name BEFORE UPDATE OF name ON users\n"
              "  FOR EACH ROW EXECUTE FUNCTION f();\n"
                                         << QByteArray("ALTER TABLE users RENAME name TO full_name")
                                         << QStringLiteral("(a trigger's UPDATE OF list)");
    QTest::newRow("no such table") << base << QByteArray("ALTER TABLE nope RENAME TO u")
                                   << QStringLiteral("the table nope does not exist");
}

void TestOnlineChangeRefusals::refusesAColumnInUse()
{
    refusal();
}

void TestOnlineChangeRefusals::refusesAShape()
{
    refusal();
}

void TestOnlineChangeRefusals::refusal()
{
    QFETCH(QByteArray, setup);
    QFETCH(QByteArray, sql);
    QFETCH(QString, said);
    TestDatabase db;
    QVERIFY(exec(db, setup));
    const Result<OnlineChangeScripts> s = writeOn(db, sql);
    QVERIFY(!s);
    QVERIFY2(s.error().text().contains(said), qPrintable(s.error().toString()));
}

// The contract's header names the expand's version: a text that is no version (a line break,
// a directive after it) is refused, never written into a comment line.
void TestOnlineChangeRefusals::refusesAVersionThatIsNone()
{
    TestDatabase db;
    QVERIFY(exec(db, "CREATE TABLE users (id int PRIMARY KEY, n int);"));
    const Result<OnlineChange> change
        = OnlineChange::parse("ALTER TABLE users ALTER n SET NOT NULL");
    QVERIFY(change);
    PgConnection catalog;
    QVERIFY(catalog.open(db.conninfo(), QStringLiteral("tst_onlinechangewriter")));
    const Result<OnlineChangeScripts> s = OnlineChangeWriter::write(
        catalog, *change, QStringLiteral("0002\n-- uaip:allow-blocking x"));
    QVERIFY(!s);
    QCOMPARE(s.error().code(), ErrorCode::BadInput);
    QVERIFY(OnlineChangeWriter::write(catalog, *change, QStringLiteral("2024-01-31-120000")));
}

QTEST_GUILESS_MAIN(TestOnlineChangeRefusals)
#include "tst_onlinechangerefusals.moc"
