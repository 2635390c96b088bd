// Issue 57, point 4: every sandbox started as root runs as the one OS user "uaip-sandbox", and
// they trusted every local connection: `COPY ... TO PROGRAM 'psql -h <other sandbox's socket>'`
// from one sandbox's superuser created a table in another's. Now each sandbox has a secret: a
// random superuser password (scram-sha-256) in a password file of the invoking user's (0600),
// which the server's OS user cannot read, and a pg_hba.conf of its own without a trust line.
// Every client of the sandbox gets the file: conninfo() and profile() name it, `sandbox env`
// exports PGPASSFILE. ensureLoginRole makes a login of no rights with a password of its own.
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/session.h"
#include "db/sessionspec.h"
#include "requireorskip.h"
#include "sandboxtestutil.h"
#include "servertools.h"
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QUuid>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

// The environment's password file (the tests' PGPASSFILE) out of the way while alive: what
// connects then does so with what the product gives it.
class WithoutPassFileVariable
{
public:
    WithoutPassFileVariable()
        : m_saved(qgetenv("PGPASSFILE"))
    {
        qunsetenv("PGPASSFILE");
    }
    ~WithoutPassFileVariable() { qputenv("PGPASSFILE", m_saved); }
    WithoutPassFileVariable(const WithoutPassFileVariable &) = delete;
    WithoutPassFileVariable &operator=(const WithoutPassFileVariable &) = delete;

private:
    QByteArray m_saved;
};

QString bareConninfo(const Sandbox &s, const QString &user = QStringLiteral("postgres"))
{
    return QStringLiteral("host=%1 port=%2 user=%3 dbname=postgres passfile=/nonexistent")
        .arg(s.socketDir())
        .arg(s.port())
        .arg(user);
}

} // namespace

class TestSandboxPasswords : public QObject
{
    Q_OBJECT

    // The server's rules: pg_hba_file_rules of the file the server reads (hba_file), and that
    // file and data/pg_hba.conf have no trust line.
    static void checkNoTrust(const Sandbox &s)
    {
        PgConnection c;
        QVERIFY2(c.open(s.conninfo()), qPrintable(c.connectionError()));
        const QString hbaFile = c.scalar("SHOW hba_file");
        QCOMPARE(hbaFile, s.rootDir() + QStringLiteral("/pg_hba.conf"));
        QCOMPARE(c.scalar("SELECT count(*) FROM pg_hba_file_rules "
                          "WHERE auth_method <> 'scram-sha-256' OR error IS NOT NULL"),
                 QStringLiteral("0"));
        QVERIFY(c.scalar("SELECT count(*) FROM pg_hba_file_rules").toInt() >= 2);
        for (const QString &file : {hbaFile, s.dataDir() + QStringLiteral("/pg_hba.conf")}) {
            const QString text = readText(file);
            QVERIFY2(text.contains(QLatin1String("scram-sha-256")), qPrintable(file));
            for (const QString &line : text.split(u'\n'))
                QVERIFY2(line.startsWith(u'#') || !line.contains(QLatin1String("trust")),
                         qPrintable(file + QStringLiteral(": ") + line));
        }
    }

private slots:
    void initTestCase() { TestCluster::sandbox(); }

    void theSandboxTrustsNoOne()
    {
        const Sandbox &s = TestCluster::sandbox();
        checkNoTrust(s);
        PgConnection bare;
        QVERIFY(!bare.open(bareConninfo(s)));
        // refused for its missing password (the connector's cause, not libpq's words)
        QVERIFY2(bare.connectFailure().needsPassword(), qPrintable(bare.connectionError()));
    }

    // The password file is the invoking user's alone; the conninfo shown names it, never the
    // password.
    void thePasswordFileIsTheInvokingUsers()
    {
        const Sandbox &s = TestCluster::sandbox();
        const PathState file = stateOf(s.passFile());
        QVERIFY2(file.exists && !file.link && file.uid == ::geteuid() && file.mode == 0600,
                 qPrintable(file.describe()));
        QVERIFY2(stateOf(s.rootDir()).uid == ::geteuid(),
                 qPrintable(stateOf(s.rootDir()).describe()));
        const QString password = s.password(s.superuser());
        QCOMPARE(password.size(), 64);
        QVERIFY(s.clientConninfo().contains(QStringLiteral("passfile='%1'").arg(s.passFile())));
        QVERIFY(!s.clientConninfo().contains(password));
        QVERIFY(!s.clientConninfo().contains(QLatin1String("password")));
        // the console's own connections carry the password itself, which libpq takes before a
        // PGPASSWORD of the user's (issue 78); never shown
        QVERIFY(s.conninfo().contains(QStringLiteral("password='%1'").arg(password)));
        QVERIFY(s.conninfo().contains(QStringLiteral("passfile='%1'").arg(s.passFile())));
    }

    // conninfo() and profile() carry the password file: nothing from the environment is needed
    // (the console's Session, the CLI's connection: both through PgConnector).
    void conninfoAndProfileConnectWithoutTheEnvironment()
    {
        const Sandbox &s = TestCluster::sandbox();
        const WithoutPassFileVariable noVariable;
        PgConnection c;
        QVERIFY2(c.open(s.conninfo()), qPrintable(c.connectionError()));
        Session session(SessionSpec::from(s.profile(QStringLiteral("postgres")), QString(),
                                          QStringLiteral("sandbox password test")));
        const Status opened = session.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    }

    // `sandbox env` exports PGPASSFILE: psql in that shell reaches the sandbox.
    void sandboxEnvExportsThePasswordFile()
    {
        const Sandbox &s = TestCluster::sandbox();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PGPASSFILE"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("bash"),
                {QStringLiteral("-c"),
                 QStringLiteral("eval \"$(\"$1\" sandbox env --data-dir \"$2\")\" && "
                                "echo \"file=$PGPASSFILE\" && "
                                "\"$3\" -X -At -c 'SELECT current_user' postgres"),
                 QStringLiteral("bash"), TestCluster::migrateBinary(), s.rootDir(),
                 QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql"))});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromLocal8Bit(p.readAll());
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("file=") + s.passFile()), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("\npostgres")), qPrintable(out));
    }

    // A login of no rights, with a password of its own in the sandbox's password file; an
    // existing role of that name loses its rights.
    void ensureLoginRoleMakesALoginOfNoRights()
    {
        Sandbox &s = TestCluster::sandbox();
        const QString role = QStringLiteral("uaip_test_login_role");
        PgConnection admin;
        QVERIFY2(admin.open(s.conninfo()), qPrintable(admin.connectionError()));
        admin.exec("DROP ROLE IF EXISTS uaip_test_login_role");
        QVERIFY(admin.exec("CREATE ROLE uaip_test_login_role SUPERUSER CREATEDB NOLOGIN").ok());
        Status made = s.ensureLoginRole(role);
        QVERIFY2(made, qPrintable(made.error().toString()));
        QCOMPARE(admin.scalar("SELECT concat_ws(',', rolcanlogin, rolsuper, rolcreaterole, "
                              "rolcreatedb, rolreplication, rolbypassrls) FROM pg_roles "
                              "WHERE rolname = 'uaip_test_login_role'"),
                 QStringLiteral("t,f,f,f,f,f"));
        QVERIFY(admin
                    .scalar("SELECT rolpassword FROM pg_authid "
                            "WHERE rolname = 'uaip_test_login_role'")
                    .startsWith(QLatin1String("SCRAM-SHA-256$")));
        const QString password = s.password(role);
        QCOMPARE(password.size(), 64);
        {
            const WithoutPassFileVariable noVariable;
            PgConnection login;
            QVERIFY2(login.open(s.conninfo(QStringLiteral("postgres"), role)),
                     qPrintable(login.connectionError()));
            QCOMPARE(login.scalar("SELECT session_user"), role);
            PgConnection bare;
            QVERIFY(!bare.open(bareConninfo(s, role)));
        }
        // again: the same password, still a login
        made = s.ensureLoginRole(role);
        QVERIFY2(made, qPrintable(made.error().toString()));
        QCOMPARE(s.password(role), password);
        PgConnection again;
        QVERIFY2(again.open(s.conninfo(QStringLiteral("postgres"), role)),
                 qPrintable(again.connectionError()));
        again.close();
        const Status superuser = s.ensureLoginRole(s.superuser());
        QVERIFY(!superuser);
        QCOMPARE(superuser.error().code(), ErrorCode::BadInput);
        QCOMPARE(superuser.error().arg(QStringLiteral("role")).toString(), s.superuser());
        admin.exec("DROP ROLE IF EXISTS uaip_test_login_role");
    }

    // A sandbox folder too long for its socket is refused, naming the path and the limit; no
    // folder in /tmp stands in for it any more.
    void aFolderTooLongForTheSocketIsRefused()
    {
        QString root = QStringLiteral("/tmp/uaip-long-%1-").arg(::getpid());
        root += QString(100 - root.size(), u'y');
        Sandbox s(root);
        const Status started = s.start(Sandbox::Options{false, false});
        QVERIFY(!started);
        QCOMPARE(started.error().code(), ErrorCode::BadInput);
        QCOMPARE(started.error().arg(QStringLiteral("path")).toString(), root);
        // the message names the path and the limit
        QVERIFY2(started.error().text().contains(QLatin1String("107")),
                 qPrintable(started.error().text()));
        QVERIFY(!QFileInfo::exists(root));
        QVERIFY(!QFileInfo::exists(earlierSocketDir(root)));
    }

    // Point 4: one sandbox's superuser reaches the other's socket (both run as "uaip-sandbox")
    // but cannot log in: it has no password of it.
    void oneSandboxCannotReachAnother()
    {
        if (geteuid() != 0)
            UAIP_REQUIRE_OR_SKIP(QStringLiteral(
                "the sandboxes share an OS user only when started as root (CI runs as root)"));
        const QString otherRoot = makeTempDir(QStringLiteral("uaip-other"));
        const QString results = ServerTools::makeDir(QStringLiteral("uaip-reach"));
        Sandbox other(otherRoot);
        const Status started = other.start(Sandbox::Options{false, false});
        auto cleanUp = qScopeGuard([&] {
            other.stop();
            QDir(otherRoot).removeRecursively();
            QDir(results).removeRecursively();
        });
        QVERIFY2(started, qPrintable(started.error().toString()));
        checkNoTrust(other);
        Sandbox &mine = TestCluster::sandbox();
        const QString table
            = QStringLiteral("reached_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        const QString psql = QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql"));
        const std::pair<Sandbox *, Sandbox *> pairs[] = {{&mine, &other}, {&other, &mine}};
        for (const auto &[from, to] : pairs) {
            const QString result = results + QStringLiteral("/") + QString::number(to->port());
            PgConnection c;
            QVERIFY2(c.open(from->conninfo()), qPrintable(c.connectionError()));
            const PgResult copy
                = copyToProgram(c,
                                QStringLiteral("LC_ALL=C LANGUAGE=C %1 -X -At -w -h %2 -p %3 -U "
                                               "postgres -d postgres -c 'CREATE TABLE %4 ()' > %5 "
                                               "2>&1")
                                    .arg(psql, to->socketDir())
                                    .arg(to->port())
                                    .arg(table, result));
            const QString seen = readText(result);
            QVERIFY2(!copy.ok(), qPrintable(seen)); // psql failed, so COPY's program did
            // psql's output has no SQLSTATE for a login without its password: its words, in
            // the C locale whatever the server's or the environment's language
            QVERIFY2(seen.contains(QLatin1String("password")), qPrintable(seen));
            PgConnection target;
            QVERIFY2(target.open(to->conninfo()), qPrintable(target.connectionError()));
            QCOMPARE(target.scalar("SELECT to_regclass($1) IS NULL", {table}), QStringLiteral("t"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxPasswords)
#include "tst_sandboxpasswords.moc"
