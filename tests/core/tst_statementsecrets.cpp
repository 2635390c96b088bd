// uaip-test: no database
// StatementSecrets (issue 78, point 2): what a SQL text keeps when the secrets it carries are
// replaced by marks, read from the typed parse tree (each statement as the scanner splits the
// text), never from the text's look: a role's password however the string is written (quotes,
// dollar quotes, escape and Unicode strings), the password options of user mappings, servers
// and foreign tables, a subscription's and a dblink call's connection string, a body naming a
// password, and a statement the parser cannot read that names one; everything else (a literal
// that only says "password", a setting named password_encryption, comments) kept as written.
// The text kept does not set a password: it is a syntax error or a call without its argument.
#include "sqlparse/pgparsetree.h"
#include "sqlparse/statementsecrets.h"

#include <QtTest>

using namespace uaip;

class TestStatementSecrets : public QObject
{
    Q_OBJECT

private slots:
    void redact_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("kept");
        QTest::addColumn<int>("secrets");
        const QByteArray pw = StatementSecrets::kPasswordMark;
        const QByteArray conn = StatementSecrets::kConnectionMark;
        const QByteArray body = StatementSecrets::kBodyMark;
        const QByteArray whole = StatementSecrets::kStatementMark;
        QTest::newRow("quotes in it") << QByteArray("CREATE ROLE r LOGIN PASSWORD 'it''s x'")
                                      << "CREATE ROLE r LOGIN PASSWORD " + pw << 1;
        QTest::newRow("encrypted, with")
            << QByteArray("CREATE USER r WITH ENCRYPTED PASSWORD "
                          "'x' LOGIN")
            << "CREATE USER r WITH ENCRYPTED PASSWORD " + pw + " LOGIN" << 1;
        QTest::newRow("dollar quotes")
            << QByteArray("ALTER ROLE r PASSWORD $q$x'y$q$ VALID UNTIL 'infinity'")
            << "ALTER ROLE r PASSWORD " + pw + " VALID UNTIL 'infinity'" << 1;
        QTest::newRow("escape string")
            << QByteArray("ALTER USER r PASSWORD E'x\\'y'") << "ALTER USER r PASSWORD " + pw << 1;
        QTest::newRow("unicode string") << QByteArray("ALTER ROLE r PASSWORD U&'d\\0061t'")
                                        << "ALTER ROLE r PASSWORD " + pw << 1;
        QTest::newRow("unicode string, its escape character")
            << QByteArray("ALTER ROLE r PASSWORD U&'d!0061t' UESCAPE '!'")
            << "ALTER ROLE r PASSWORD " + pw << 1;
        QTest::newRow("ALTER GROUP takes no password: the parser refuses")
            << QByteArray("ALTER GROUP r PASSWORD 'x'") << whole << 1;
        QTest::newRow("a comment between") << QByteArray("CREATE ROLE r PASSWORD /* c */ 'x'")
                                           << "CREATE ROLE r PASSWORD /* c */ " + pw << 1;
        QTest::newRow("no password") << QByteArray("ALTER ROLE r PASSWORD NULL")
                                     << QByteArray("ALTER ROLE r PASSWORD NULL") << 0;
        QTest::newRow("a user mapping")
            << QByteArray("CREATE USER MAPPING FOR u SERVER s OPTIONS (user 'bob', password 'x')")
            << "CREATE USER MAPPING FOR u SERVER s OPTIONS (user 'bob', password " + pw + ")" << 1;
        QTest::newRow("a user mapping changed")
            << QByteArray("ALTER USER MAPPING FOR u SERVER s OPTIONS (SET password 'x', ADD "
                          "sslpassword 'y', DROP passfile)")
            << "ALTER USER MAPPING FOR u SERVER s OPTIONS (SET password " + pw
                + ", ADD sslpassword " + pw + ", DROP passfile)"
            << 2;
        QTest::newRow("a server") << QByteArray("CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS "
                                                "(host 'h', \"password\" 'x')")
                                  << "CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (host 'h', "
                                     "\"password\" "
                + pw + ")" << 1;
        QTest::newRow("a subscription")
            << QByteArray("CREATE SUBSCRIPTION s CONNECTION 'host=h password=x' PUBLICATION p "
                          "WITH (password_required = false)")
            << "CREATE SUBSCRIPTION s CONNECTION " + conn
                + " PUBLICATION p WITH (password_required = false)"
            << 1;
        QTest::newRow("a subscription changed")
            << QByteArray("ALTER SUBSCRIPTION s CONNECTION 'postgresql://u:x@h/d'")
            << "ALTER SUBSCRIPTION s CONNECTION " + conn << 1;
        QTest::newRow("dblink_connect") << QByteArray("SELECT dblink_connect('c', 'password=x')")
                                        << "SELECT dblink_connect('c', " + conn + ")" << 1;
        QTest::newRow("dblink in FROM")
            << QByteArray("SELECT * FROM public.dblink('password=x', 'SELECT 1') AS t(a int)")
            << "SELECT * FROM public.dblink(" + conn + ", 'SELECT 1') AS t(a int)" << 1;
        QTest::newRow("dblink_exec of an expression")
            << QByteArray("SELECT dblink_exec('dbname=d password=' || 'x', 'DROP TABLE t')")
            << "SELECT dblink_exec(" + conn + " || " + conn + ", 'DROP TABLE t')" << 2;
        QTest::newRow("a DO block")
            << QByteArray("DO $$BEGIN CREATE ROLE r PASSWORD 'x'; END$$") << "DO " + body << 1;
        QTest::newRow("a dynamic statement in a DO block")
            << QByteArray("DO 'BEGIN EXECUTE format(''ALTER ROLE r PASSWORD %L'', ''x''); END' "
                          "LANGUAGE plpgsql")
            << "DO " + body + " LANGUAGE plpgsql" << 1;
        QTest::newRow("a function calling dblink")
            << QByteArray("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $f$ BEGIN PERFORM "
                          "dblink_connect('h'); END $f$")
            << "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS " + body << 1;
        QTest::newRow("a function naming no secret")
            << QByteArray("CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1'")
            << QByteArray("CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1'") << 0;
        QTest::newRow("unquoted: the parser refuses")
            << QByteArray("ALTER ROLE r PASSWORD secret") << whole << 1;
        QTest::newRow("unterminated: the scanner refuses")
            << QByteArray("SELECT 1; ALTER ROLE r PASSWORD 'x") << whole << 1;
        QTest::newRow("a script") << QByteArray(
            "SELECT 1;\nCREATE ROLE \"Pass\"\"word\" PASSWORD 'x';\nSELECT "
            "'password' AS word; SET password_encryption = 'scram-sha-256'")
                                  << "SELECT 1;\nCREATE ROLE \"Pass\"\"word\" PASSWORD " + pw
                + ";\nSELECT 'password' AS word; SET password_encryption = 'scram-sha-256'"
                                  << 1;
        QTest::newRow("a script with a statement the parser refuses")
            << QByteArray("SELECT 1; ALTER ROLE r PASSWORD 'x' BOGUS; SELECT 2")
            << "SELECT 1;" + whole + "; SELECT 2" << 1;
    }

    void redact()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, kept);
        QFETCH(int, secrets);
        const SecretRedaction r = StatementSecrets::redact(sql);
        QCOMPARE(r.text, kept);
        QCOMPARE(r.secrets, secrets);
        QCOMPARE(r.changed(), secrets > 0);
        QCOMPARE(StatementSecrets::redact(r.text).text, kept); // kept as it is read again
    }

    // What was taken out, as written and as its value (a server's message quotes either); the
    // text kept is no statement that sets a password.
    void removedAndNoLongerRunnable()
    {
        const SecretRedaction r = StatementSecrets::redact("ALTER ROLE r PASSWORD 'it''s'");
        QVERIFY(r.removed.contains("'it''s'"));
        QVERIFY(r.removed.contains("it's"));
        QVERIFY(!r.wholeReplaced);
        QVERIFY(!PgParseTree::parse(r.text).ok());
        const SecretRedaction d = StatementSecrets::redact("DO $$BEGIN NULL; END$$; -- password");
        QCOMPARE(d.secrets, 0); // a comment after the statement: nothing of the body named it
        QVERIFY(StatementSecrets::redact("DO $$BEGIN NULL; -- password\nEND$$").wholeReplaced);
    }
};

QTEST_GUILESS_MAIN(TestStatementSecrets)
#include "tst_statementsecrets.moc"
