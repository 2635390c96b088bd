// Issue 78: root's `uaip-migrate sandbox stop --data-dir <a cluster of postgres>` printed
// "stopped" and stopped nothing: pg_ctl status, run as the sandbox's OS user, could not read the
// other user's cluster, and that counted as "not running". Now a stop either stops the server or
// says why it did not, with a non-zero exit; the cluster of another OS user is named with that
// user, and its server still runs afterwards. Root only (CI runs as root).
#include "db/sandbox.h"
#include "db/sandboxserveruser.h"
#include "requireorskip.h"
#include "sandboxtestutil.h"
#include "uaipmigratetestutil.h"

#include <QDir>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

class TestSandboxStop : public QObject
{
    Q_OBJECT

    QString m_base;
    QString m_data; // the cluster of postgres, running while a case runs

    static bool runsAsPostgres(const QString &data)
    {
        return serverProgramAs(QStringLiteral("postgres"), QStringLiteral("pg_ctl"),
                               {QStringLiteral("status"), QStringLiteral("-D"), data});
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            UAIP_REQUIRE_OR_SKIP(QStringLiteral(
                "root's stop of another OS user's cluster is tested as root (CI runs as root)"));
        QVERIFY2(userNamed(QStringLiteral("postgres")),
                 "the postgres OS user (Debian's postgresql package) is needed");
        const Status user = SandboxServerUser::ensure();
        QVERIFY2(user, qPrintable(user.error().toString()));
    }

    // An earlier version's sandbox folder: the cluster of "postgres", running as postgres with
    // its socket in a folder of its own.
    void init()
    {
        m_base = makeTempDir(QStringLiteral("uaip-stop"));
        const QString root = m_base + QStringLiteral("/sandbox");
        QVERIFY(QDir().mkdir(root));
        const passwd *pg = userNamed(QStringLiteral("postgres"));
        QVERIFY(::chown(QFile::encodeName(root).constData(), pg->pw_uid, pg->pw_gid) == 0);
        m_data = root + QStringLiteral("/data");
        QString out;
        QVERIFY2(serverProgramAs(QStringLiteral("postgres"), QStringLiteral("initdb"),
                                 {QStringLiteral("-D"), m_data, QStringLiteral("-U"),
                                  QStringLiteral("postgres"), QStringLiteral("--auth=reject"),
                                  QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")},
                                 &out),
                 qPrintable(out));
        QVERIFY2(runAs(QStringLiteral("postgres"), QStringLiteral("/bin/mkdir"),
                       {QStringLiteral("-m"), QStringLiteral("700"), root + QStringLiteral("/run")},
                       &out),
                 qPrintable(out));
        QVERIFY2(serverProgramAs(QStringLiteral("postgres"), QStringLiteral("pg_ctl"),
                                 {QStringLiteral("start"), QStringLiteral("-w"),
                                  QStringLiteral("-D"), m_data, QStringLiteral("-l"),
                                  root + QStringLiteral("/server.log"), QStringLiteral("-o"),
                                  QStringLiteral("-k %1/run -c listen_addresses=''").arg(root)},
                                 &out),
                 qPrintable(out));
        QVERIFY(runsAsPostgres(m_data));
    }

    void cleanup()
    {
        if (!m_data.isEmpty())
            serverProgramAs(QStringLiteral("postgres"), QStringLiteral("pg_ctl"),
                            {QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-m"),
                             QStringLiteral("immediate"), QStringLiteral("-D"), m_data});
        if (!m_base.isEmpty())
            QDir(m_base).removeRecursively();
        m_data.clear();
        m_base.clear();
    }

    void anotherUsersRunningClusterIsNotSaidStopped()
    {
        const QString root = m_base + QStringLiteral("/sandbox");
        Sandbox s(root);
        const Status stopped = s.stop();
        QVERIFY2(!stopped, "a stop that stopped nothing said it stopped");
        QVERIFY2(stopped.error().text().contains(QLatin1String("postgres")),
                 qPrintable(stopped.error().text()));
        QVERIFY(runsAsPostgres(m_data));
    }

    void theCliExitsNonZeroAndSaysWhy()
    {
        const QString root = m_base + QStringLiteral("/sandbox");
        const Run run = migrate({QStringLiteral("sandbox"), QStringLiteral("stop"),
                                 QStringLiteral("--data-dir"), root});
        QVERIFY2(run.exitCode != 0, qPrintable(run.out + run.err));
        QVERIFY2(!run.out.contains(QLatin1String("stopped")), qPrintable(run.out));
        QVERIFY2(run.err.contains(m_data) && run.err.contains(QLatin1String("postgres")),
                 qPrintable(run.err));
        QVERIFY(runsAsPostgres(m_data));
    }
};

QTEST_GUILESS_MAIN(TestSandboxStop)
#include "tst_sandboxstop.moc"
