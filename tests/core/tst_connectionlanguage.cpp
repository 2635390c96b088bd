// A failed connect is diagnosed the same in any language (issue 58): a server whose lc_messages is
// German and a client whose libpq speaks German give the same diagnosis as in English, since it
// goes by the server's SQLSTATE and by what the connector saw itself, never by the words. A
// private cluster started with a German locale of its own (localedef into a folder named by
// LOCPATH, which the server inherits); where no German locale can be made, lc_messages 'C' and
// only the codes are checked.
#include "connections/connectiontester.h"
#include "db/pgconnection.h"
#include "primaryserver.h"
#include "requireorskip.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <memory>

using namespace uaip;
using namespace uaip::test;
using Kind = ConnectionDiagnosis::Kind;

namespace {

constexpr char kGerman[] = "de_DE.UTF-8";

// Lets the server's user read a folder and everything in it.
void openToAll(const QString &dir)
{
    const auto dirs = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
        | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    QFile::setPermissions(dir, dirs);
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile::setPermissions(path,
                              it.fileInfo().isDir() ? dirs
                                                    : QFile::ReadOwner | QFile::WriteOwner
                                      | QFile::ReadGroup | QFile::ReadOther);
    }
}

} // namespace

class TestConnectionLanguage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_locales;
    std::unique_ptr<PrimaryServer> m_server;
    bool m_german = false;

    // A connection as a role of the private cluster, with the given password (none: none).
    QString asRole(const QString &role, const QString &extra) const
    {
        return m_server->clientConninfo(QStringLiteral("postgres")) + QStringLiteral(" user=")
            + role + u' ' + extra;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_locales.isValid());
        // The system's German locale (locales-all), else one made here from the locales
        // package's sources.
        const QByteArray before = std::setlocale(LC_MESSAGES, nullptr);
        bool made = std::setlocale(LC_MESSAGES, kGerman) != nullptr;
        std::setlocale(LC_MESSAGES, before.constData());
        if (!made) {
            QProcess localedef;
            localedef.start(QStringLiteral("localedef"),
                            {QStringLiteral("-i"), QStringLiteral("de_DE"), QStringLiteral("-f"),
                             QStringLiteral("UTF-8"), m_locales.filePath(QLatin1String(kGerman))});
            made = localedef.waitForFinished(120000)
                && localedef.exitStatus() == QProcess::NormalExit && localedef.exitCode() == 0;
            if (made) {
                openToAll(m_locales.path());
                qputenv("LOCPATH", QFile::encodeName(m_locales.path())); // the server inherits it
            }
        }
        m_server = std::make_unique<PrimaryServer>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        PgConnection admin;
        QVERIFY2(admin.open(m_server->conninfo()), qPrintable(admin.connectionError()));
        m_german = made
            && admin.exec(QByteArray("ALTER SYSTEM SET lc_messages = '") + kGerman + "'").ok();
        if (!m_german) {
            qWarning("no German locale could be made here: lc_messages 'C', codes checked only");
            QVERIFY(admin.exec("ALTER SYSTEM SET lc_messages = 'C'").ok());
        }
        QVERIFY(admin.exec("SELECT pg_reload_conf()").ok());
        const QString wanted = m_german ? QLatin1String(kGerman) : QStringLiteral("C");
        QVERIFY(QTest::qWaitFor(
            [&] {
                PgConnection fresh;
                return fresh.open(m_server->conninfo())
                    && fresh.scalar("SHOW lc_messages") == wanted;
            },
            30000));
        QVERIFY(admin.exec("CREATE ROLE pw_role LOGIN PASSWORD 'right-1'").ok());
        QVERIFY(admin.exec("CREATE ROLE no_login_role NOLOGIN PASSWORD 'right-1'").ok());
    }

    void cleanupTestCase()
    {
        m_server.reset();
        qunsetenv("LOCPATH");
    }

    // The server's errors, in its language: the same diagnosis, by the code.
    void theServerInItsLanguage()
    {
        ConnectionDiagnosis d
            = ConnectionTester::test(m_server->conninfo(QStringLiteral("no_such_database")));
        QCOMPARE(int(d.kind), int(Kind::UnknownDatabase));
        QVERIFY2(d.summary.contains(u"\"no_such_database\""), qPrintable(d.summary));
        QVERIFY2(d.serverText.contains(u"3D000"), qPrintable(d.serverText));
        if (m_german) // the words are German: nothing English was there to match
            QVERIFY2(d.serverText.contains(u"existiert nicht")
                         && !d.serverText.contains(u"does not exist"),
                     qPrintable(d.serverText));

        d = ConnectionTester::test(asRole(QStringLiteral("pw_role"),
                                          QStringLiteral("password=wrong passfile=/nonexistent")));
        QCOMPARE(int(d.kind), int(Kind::WrongPassword));
        QVERIFY2(d.summary.contains(u"\"pw_role\""), qPrintable(d.summary));
        if (m_german)
            QVERIFY2(!d.serverText.contains(u"password authentication failed"),
                     qPrintable(d.serverText));

        d = ConnectionTester::test(
            asRole(QStringLiteral("no_login_role"), QStringLiteral("password=right-1")));
        QCOMPARE(int(d.kind), int(Kind::NotAllowed));
        QVERIFY2(d.serverText.contains(u"28000"), qPrintable(d.serverText));
        if (m_german)
            QVERIFY2(!d.serverText.contains(u"not permitted"), qPrintable(d.serverText));

        d = ConnectionTester::test(
            asRole(QStringLiteral("pw_role"), QStringLiteral("passfile=/nonexistent")));
        QCOMPARE(int(d.kind), int(Kind::NoPassword));
        d = ConnectionTester::test(
            asRole(QStringLiteral("pw_role"), QStringLiteral("password=right-1")));
        QVERIFY2(d.ok(), qPrintable(d.toString()));
        // a job's error text (a session's failed open) alone: the code in it
        PgConnection failed;
        QVERIFY(!failed.open(m_server->conninfo(QStringLiteral("no_such_database"))));
        QCOMPARE(int(ConnectionTester::diagnose(failed.connectionError()).kind),
                 int(Kind::UnknownDatabase));
    }

    // libpq's own errors in the client's language: the connector saw what happened itself.
    void theClientInItsLanguage()
    {
        if (!m_german)
            UAIP_REQUIRE_OR_SKIP(QStringLiteral("no German locale here (locales, localedef)"));
        const QByteArray before = std::setlocale(LC_MESSAGES, nullptr);
        QVERIFY(std::setlocale(LC_MESSAGES, kGerman));
        const ConnectionDiagnosis refused
            = ConnectionTester::test(QStringLiteral("host=127.0.0.1 port=1 dbname=x "
                                                    "sslmode=disable"));
        const ConnectionDiagnosis noSocket
            = ConnectionTester::test(QStringLiteral("host=/nonexistent-uaip port=5 dbname=x"));
        std::setlocale(LC_MESSAGES, before.constData());
        QCOMPARE(int(refused.kind), int(Kind::Refused));
        QVERIFY2(refused.serverText.contains(u"fehlgeschlagen")
                     && !refused.serverText.contains(u"refused"),
                 qPrintable(refused.serverText));
        QCOMPARE(int(noSocket.kind), int(Kind::NoSocket));
        QVERIFY2(!noSocket.serverText.contains(u"No such file"), qPrintable(noSocket.serverText));
    }
};

QTEST_GUILESS_MAIN(TestConnectionLanguage)
#include "tst_connectionlanguage.moc"
