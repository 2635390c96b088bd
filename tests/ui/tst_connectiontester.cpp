// ConnectionTester: a failed connect in a DBA's words, by what the connector saw and the
// server's SQLSTATE, never by the words of a message (libpq's and the server's are translated).
#include "connections/connectiontester.h"
#include "connections/connectiontestjob.h"
#include "db/connectionprofile.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "jobend.h"
#include "jobs/sessionworker.h"
#include "requireorskip.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QTest>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace uaip;
using Kind = ConnectionDiagnosis::Kind;

namespace {

// A TCP socket on 127.0.0.1 that takes connections (the kernel completes them) and never
// answers: nothing reads or accepts them.
class Blackhole
{
public:
    Blackhole()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(m_fd, 8) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
    }
    ~Blackhole()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Blackhole(const Blackhole &) = delete;
    Blackhole &operator=(const Blackhole &) = delete;

    int port() const { return m_port; }
    // A connection came (waiting to be accepted, which never happens).
    bool reached() const
    {
        pollfd p{m_fd, POLLIN, 0};
        return ::poll(&p, 1, 0) > 0;
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

} // namespace

class TestConnectionTester : public QObject
{
    Q_OBJECT

private slots:
    // A job's error text: only the verbose layout's SQLSTATE counts, in any language; words
    // without a code say nothing, whatever they say.
    void diagnose_data()
    {
        QTest::addColumn<QString>("libpq");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("wrong password")
            << "connection to server at \"db\" (10.0.0.5), port 5432 failed: FATAL:  28P01: "
               "password authentication failed for user \"dba\""
            << int(Kind::WrongPassword) << "rejected the password";
        QTest::newRow("wrong password, German server")
            << QStringLiteral("Verbindung zum Server auf »db« (10.0.0.5), Port 5432 "
                              "fehlgeschlagen: FATAL:  28P01: Passwort-Authentifizierung für "
                              "Benutzer »dba« fehlgeschlagen")
            << int(Kind::WrongPassword) << "rejected the password";
        QTest::newRow("database, translated severity")
            << QStringLiteral("SCHWERWIEGEND:  3D000: Datenbank »shop« existiert nicht")
            << int(Kind::UnknownDatabase) << "does not exist";
        QTest::newRow("hba") << "FATAL:  28000: no pg_hba.conf entry for host \"10.0.0.9\", "
                                "user \"x\", database \"y\", no encryption"
                             << int(Kind::NotAllowed) << "pg_hba.conf";
        QTest::newRow("too many") << "FATAL:  53300: sorry, too many clients already"
                                  << int(Kind::ServerBusy) << "Try again shortly";
        QTest::newRow("another code") << "FATAL:  0A000: unsupported frontend protocol"
                                      << int(Kind::Other) << "SQLSTATE 0A000";
        // the words of a server error without its code, and libpq's own words: not read
        QTest::newRow("words only") << "FATAL:  password authentication failed for user \"dba\""
                                    << int(Kind::Other) << "The connection failed.";
        QTest::newRow("refused words") << "connection to server at \"localhost\" (127.0.0.1), "
                                          "port 1 failed: Connection refused"
                                       << int(Kind::Other) << "The connection failed.";
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
        QVERIFY2(d.summary.contains(u"Nothing accepts connections"), qPrintable(d.summary));
    }

    // What the connector saw itself: no socket file, a name no resolver knows, a socket that
    // connects and never answers (connect_timeout passes), each host of a list in turn.
    void realClientSideFailures()
    {
        ConnectionDiagnosis d
            = ConnectionTester::test(QStringLiteral("host=/nonexistent-uaip port=5 dbname=x"));
        QCOMPARE(int(d.kind), int(Kind::NoSocket));
        d = ConnectionTester::test(
            QStringLiteral("host=no-such-host.invalid port=5432 dbname=x sslmode=disable"));
        QCOMPARE(int(d.kind), int(Kind::UnknownHost));
        QVERIFY2(d.serverText.contains(u"no-such-host.invalid"), qPrintable(d.serverText));
        const Blackhole blackhole;
        QVERIFY(blackhole.port() > 0);
        d = ConnectionTester::test(QStringLiteral("host=127.0.0.1 port=%1 dbname=x "
                                                  "sslmode=disable connect_timeout=2")
                                       .arg(blackhole.port()));
        QCOMPARE(int(d.kind), int(Kind::Unreachable));
        QVERIFY2(d.summary.contains(u"did not answer"), qPrintable(d.summary));
        // a host list: the refusing host, then the one that never answers: each tried, the
        // furthest failure said, both hosts' texts kept
        d = ConnectionTester::test(QStringLiteral("host=127.0.0.1,localhost port=1,%1 dbname=x "
                                                  "sslmode=disable connect_timeout=2")
                                       .arg(blackhole.port()));
        QCOMPARE(int(d.kind), int(Kind::Unreachable));
        // each host's text by its port (not libpq's words: its language may vary)
        QVERIFY2(d.serverText.contains(u"port 1 ", Qt::CaseInsensitive)
                     && d.serverText.contains(QStringLiteral("port %1 ").arg(blackhole.port()),
                                              Qt::CaseInsensitive),
                 qPrintable(d.serverText));
    }

    // The test job's cancel ends a connect to something that never answers, and says so.
    void aCancelledTestSaysSo()
    {
        const Blackhole blackhole;
        QVERIFY(blackhole.port() > 0);
        ConnectionProfile p;
        p.name = QStringLiteral("blackhole");
        p.host = QStringLiteral("127.0.0.1");
        p.port = blackhole.port();
        p.database = QStringLiteral("x");
        p.sslMode = QStringLiteral("disable");
        // (the profile's connect_timeout, 10 s, would end it as "did not answer")
        SessionWorker worker(std::nullopt, QStringLiteral("tester"));
        auto *job = new ConnectionTestJob(SessionSpec::from(p, QStringLiteral("pw")));
        const auto end = test::watchEnd(job);
        worker.post(job);
        QVERIFY(QTest::qWaitFor([&] { return blackhole.reached(); }, 30000));
        QVERIFY(!end->finished);
        job->cancel();
        QVERIFY(QTest::qWaitFor([&] { return end->finished; }, 30000));
        QCOMPARE(end->ok, false);
        QCOMPARE(end->error.code(), ErrorCode::Cancelled);
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
        // As libpq's own host list: a server that refused the password ends the list, so the
        // password never goes to the next host (here one that would take any connection).
        const Blackhole next;
        QVERIFY(next.port() > 0);
        d = ConnectionTester::test(
            QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 dbname=%3 user=%4 "
                           "password=wrong sslmode=disable connect_timeout=2")
                .arg(tcp.port)
                .arg(next.port())
                .arg(tcp.database, role));
        QCOMPARE(int(d.kind), int(Kind::WrongPassword));
        QVERIFY2(!next.reached(), "the wrong password was offered to the next host");
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
