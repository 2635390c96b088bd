// ConnectionTester: libpq's errors in a DBA's words, and a real failed attempt.
#include "connections/connectiontester.h"
#include "db/connectionprofile.h"
#include "db/sandbox.h"
#include "requireorskip.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QTest>

using namespace uaip;
using Kind = ConnectionDiagnosis::Kind;

class TestConnectionTester : public QObject
{
    Q_OBJECT

private slots:
    void diagnose_data()
    {
        QTest::addColumn<QString>("libpq");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("wrong password")
            << "connection to server at \"db\" (10.0.0.5), port 5432 failed: FATAL:  password "
               "authentication failed for user \"dba\""
            << int(Kind::WrongPassword) << "rejected the password for user \"dba\"";
        QTest::newRow("refused") << "connection to server at \"localhost\" (127.0.0.1), port 1 "
                                    "failed: Connection refused\n\tIs the server running on that "
                                    "host and accepting TCP/IP connections?"
                                 << int(Kind::Refused) << "Nothing accepts connections";
        QTest::newRow("timeout") << "connection to server at \"10.255.255.1\", port 5432 failed: "
                                    "timeout expired"
                                 << int(Kind::Unreachable) << "cannot be reached";
        QTest::newRow("dns") << "could not translate host name \"nohost.invalid\" to address: "
                                "Name or service not known"
                             << int(Kind::UnknownHost) << "cannot be resolved";
        QTest::newRow("ssl root") << "connection to server at \"db\" failed: root certificate "
                                     "file \"/nope.crt\" does not exist\nEither provide the file "
                                     "or change sslmode to disable server certificate verification."
                                  << int(Kind::Ssl) << "root certificate";
        QTest::newRow("ssl host") << "server certificate for \"db.internal\" does not match host "
                                     "name \"10.0.0.5\""
                                  << int(Kind::Ssl) << "not issued for this host name";
        QTest::newRow("no ssl") << "server does not support SSL, but SSL was required"
                                << int(Kind::Ssl) << "does not accept SSL";
        QTest::newRow("database") << "FATAL:  database \"shop\" does not exist"
                                  << int(Kind::UnknownDatabase) << "\"shop\" does not exist";
        QTest::newRow("hba") << "FATAL:  no pg_hba.conf entry for host \"10.0.0.9\", user \"x\", "
                                "database \"y\", no encryption"
                             << int(Kind::NotAllowed) << "pg_hba.conf";
    }

    void diagnose()
    {
        QFETCH(QString, libpq);
        QFETCH(int, kind);
        QFETCH(QString, words);
        const ConnectionDiagnosis d = ConnectionTester::diagnose(libpq);
        QCOMPARE(int(d.kind), kind);
        QVERIFY2(d.summary.contains(words), qPrintable(d.summary));
        QCOMPARE(d.serverText, libpq.trimmed()); // libpq's own text is kept
        QVERIFY(d.toString().contains(d.serverText));
    }

    void realRefusedConnection()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("nowhere");
        p.host = QStringLiteral("127.0.0.1");
        p.port = 1;
        p.database = QStringLiteral("x");
        p.sslMode = QStringLiteral("disable");
        const ConnectionDiagnosis d = ConnectionTester::test(p.conninfo(QStringLiteral("pw")));
        QCOMPARE(int(d.kind), int(Kind::Refused));
    }

    // Against the real server: the diagnosis goes by the server's SQLSTATE (3D000, 28P01,
    // 28000) and PQconnectionNeedsPassword, not by the words of the message.
    void realServerErrorsByTheirSqlState()
    {
        test::TestDatabase db;
        ConnectionProfile p = db.profile();
        p.database = QStringLiteral("no_such_db_") + db.name();
        ConnectionDiagnosis d = ConnectionTester::test(p.conninfo());
        QCOMPARE(int(d.kind), int(Kind::UnknownDatabase));
        QVERIFY2(d.summary.contains(p.database), qPrintable(d.summary));
        QVERIFY2(d.serverText.contains(QStringLiteral("3D000")), qPrintable(d.serverText));
        QVERIFY(!d.serverText.contains(QStringLiteral("LOCATION:")));

        // 28000: a role that may not log in. (A role the server does not have fails as a wrong
        // password would, 28P01: the sandbox asks every role for its password, and scram-sha-256
        // tells no one which roles exist.)
        const QString nologin = QStringLiteral("nologin_diag_") + db.name();
        QVERIFY(db.witness()
                    .exec("CREATE ROLE " + db.witness().quoteIdentifier(nologin)
                          + " NOLOGIN PASSWORD 'uaip-test-login'")
                    .ok());
        p = db.profile();
        p.user = nologin;
        d = ConnectionTester::test(p.conninfo());
        QCOMPARE(int(d.kind), int(Kind::NotAllowed));
        p.user = QStringLiteral("no_such_role_") + db.name();
        d = ConnectionTester::test(p.conninfo());
        QCOMPARE(int(d.kind), int(Kind::WrongPassword));
        db.witness().exec("DROP ROLE " + db.witness().quoteIdentifier(nologin));

        const Sandbox &sandbox = test::TestCluster::sandbox();
        if (!sandbox.listensOnTcp())
            UAIP_REQUIRE_OR_SKIP(QStringLiteral(
                "the test sandbox was started without --tcp (password auth needs TCP)"));
        const QString role = QStringLiteral("pw_diag_") + db.name();
        const QString quoted = db.witness().quoteIdentifier(role);
        QVERIFY(db.witness()
                    .exec(("CREATE ROLE " + quoted + " LOGIN PASSWORD 'right-1'").toUtf8())
                    .ok());
        ConnectionProfile tcp = db.profile();
        tcp.host = QStringLiteral("127.0.0.1");
        tcp.user = role;
        tcp.sslMode = QStringLiteral("disable");
        d = ConnectionTester::test(tcp.conninfo(QStringLiteral("wrong")));
        QCOMPARE(int(d.kind), int(Kind::WrongPassword));
        QVERIFY2(d.summary.contains(role), qPrintable(d.summary));
        d = ConnectionTester::test(tcp.conninfo(QString())
                                   + QStringLiteral(" passfile=/nonexistent"));
        QCOMPARE(int(d.kind), int(Kind::NoPassword));
        d = ConnectionTester::test(tcp.conninfo(QStringLiteral("right-1")));
        QVERIFY2(d.ok(), qPrintable(d.toString()));
        db.witness().exec(("DROP ROLE " + quoted).toUtf8());
    }

    // The test says whether the role can write (a role that cannot is a read-only profile's
    // strongest guard).
    void saysWhetherTheRoleCanWrite()
    {
        test::TestDatabase db;
        ConnectionDiagnosis d = ConnectionTester::test(db.profile().conninfo());
        QVERIFY2(d.ok(), qPrintable(d.toString()));
        QCOMPARE(d.roleCanWrite, std::optional<bool>(true)); // the superuser
        QVERIFY2(d.summary.contains(u"superuser"), qPrintable(d.summary));
        const QString role = QStringLiteral("ro_diag_") + db.name();
        const QByteArray quoted = db.witness().quoteIdentifier(role);
        QVERIFY(db.witness().exec("CREATE TABLE t (id int)").ok());
        QVERIFY(db.witness().exec("REVOKE CREATE ON SCHEMA public FROM PUBLIC").ok());
        QVERIFY(
            db.witness().exec("CREATE ROLE " + quoted + " LOGIN PASSWORD 'uaip-test-login'").ok());
        QVERIFY(db.witness().exec("GRANT SELECT ON t TO " + quoted).ok());
        ConnectionProfile p = db.profile();
        p.user = role;
        d = ConnectionTester::test(p.conninfo());
        QCOMPARE(d.roleCanWrite, std::optional<bool>(false));
        QVERIFY2(d.summary.contains(u"cannot write"), qPrintable(d.summary));
        QVERIFY(db.witness().exec("GRANT UPDATE ON t TO " + quoted).ok());
        d = ConnectionTester::test(p.conninfo());
        QCOMPARE(d.roleCanWrite, std::optional<bool>(true));
        QVERIFY2(d.summary.contains(u"1 table") && d.summary.contains(u"CREATE in: 0"),
                 qPrintable(d.summary));
        db.witness().exec("DROP TABLE t");
        db.witness().exec("DROP ROLE " + quoted);
    }

    void conninfoQuotesValues()
    {
        ConnectionProfile p;
        p.host = QStringLiteral("db");
        p.database = QStringLiteral("my db");
        p.user = QStringLiteral("o'brien");
        const QString c = p.conninfo(QStringLiteral("p\\w"));
        QVERIFY(c.contains(QStringLiteral("dbname='my db'")));
        QVERIFY(c.contains(QStringLiteral("user='o\\'brien'")));
        QVERIFY(c.contains(QStringLiteral("password='p\\\\w'")));
    }
};

QTEST_MAIN(TestConnectionTester)
#include "tst_connectiontester.moc"
