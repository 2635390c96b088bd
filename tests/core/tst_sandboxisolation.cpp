// Issue 41, point 7: started as root, the sandbox ran as the OS user "postgres" with local trust
// authentication; its socket folder (0700) kept out other users, but not another cluster
// running as "postgres": its superuser's `COPY (SELECT 1) TO PROGRAM 'psql -h <sandbox socket>'`
// returned rows from the sandbox. The sandbox now runs as an OS user of its own
// ("uaip-sandbox"): the other cluster's program cannot even reach the socket.
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxserveruser.h"
#include "requireorskip.h"
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

#include <pwd.h>
#include <unistd.h>

using namespace uaip;
using namespace uaip::test;

namespace {

// Runs a server program as the "postgres" OS user (as a cluster of the distribution runs).
bool asPostgres(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(QStringLiteral("/"));
    p.start(QStringLiteral("runuser"),
            QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                        QDir(Sandbox::serverBinDir()).filePath(program)}
                + args);
    const bool done = p.waitForStarted(10000) && p.waitForFinished(120000);
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestSandboxIsolation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            UAIP_REQUIRE_OR_SKIP(QStringLiteral(
                "the isolation between OS users is tested as root (CI runs as root)"));
        const passwd *pw = ::getpwnam("postgres");
        QVERIFY2(pw, "the postgres OS user (Debian's postgresql package) is needed");
        QByteArray dir = "/tmp/uaip-other-XXXXXX";
        QVERIFY(::mkdtemp(dir.data()));
        m_dir = QString::fromLocal8Bit(dir);
        QVERIFY(::chown(dir.constData(), pw->pw_uid, pw->pw_gid) == 0);
        QString out;
        QVERIFY2(asPostgres(QStringLiteral("initdb"),
                            {QStringLiteral("-D"), m_dir + QStringLiteral("/data"),
                             QStringLiteral("-U"), QStringLiteral("postgres"),
                             QStringLiteral("--auth=trust"), QStringLiteral("--no-sync")},
                            &out),
                 qPrintable(out));
        m_port = 20000 + int(::getpid() % 20000);
        QVERIFY2(asPostgres(QStringLiteral("pg_ctl"),
                            {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-D"),
                             m_dir + QStringLiteral("/data"), QStringLiteral("-l"),
                             m_dir + QStringLiteral("/log"), QStringLiteral("-o"),
                             QStringLiteral("-p %1 -k %2 -c listen_addresses='' -c fsync=off "
                                            "-c shared_buffers=16MB")
                                 .arg(m_port)
                                 .arg(m_dir)},
                            &out),
                 qPrintable(out));
        m_started = true;
    }

    void cleanupTestCase()
    {
        if (m_started)
            asPostgres(QStringLiteral("pg_ctl"),
                       {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"),
                        QStringLiteral("-D"), m_dir + QStringLiteral("/data")});
        if (!m_dir.isEmpty())
            QDir(m_dir).removeRecursively();
    }

    void anotherClustersSuperuserCannotReachTheSandbox()
    {
        const Sandbox &sandbox = TestCluster::sandbox();
        QCOMPARE(sandbox.runAsUser(), SandboxServerUser::name());
        PgConnection other;
        QVERIFY2(other.open(QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres")
                                .arg(m_dir)
                                .arg(m_port)),
                 qPrintable(other.connectionError()));
        const QString psql = QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql"));
        const QString result = m_dir + QStringLiteral("/result");
        const QString program
            = QStringLiteral("%1 -X -At -h %2 -p %3 -U postgres -d postgres -c 'SELECT "
                             "current_user, true' > %4 2>&1")
                  .arg(psql, sandbox.socketDir())
                  .arg(sandbox.port())
                  .arg(result);
        // (COPY takes no bound value: the program's text goes through a setting and %L)
        QVERIFY(other.exec("SELECT set_config('uaip.program', $1, false)", {program}).ok());
        const PgResult copy
            = other.execScript("DO $$ BEGIN EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', "
                               "current_setting('uaip.program')); END $$");
        QFile f(result);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString seen = QString::fromLocal8Bit(f.readAll());
        QVERIFY2(!copy.ok(), qPrintable(seen)); // psql failed, so COPY's program did
        QVERIFY2(!seen.contains(QLatin1String("postgres|t")), qPrintable(seen));
        QVERIFY2(seen.contains(QLatin1String("Permission denied")), qPrintable(seen));
    }

private:
    QString m_dir;
    int m_port = 0;
    bool m_started = false;
};

QTEST_GUILESS_MAIN(TestSandboxIsolation)
#include "tst_sandboxisolation.moc"
