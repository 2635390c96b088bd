// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// The fetched server builds (issue 77, found by a hostile review): the sandbox runs a build only
// from a folder no other user may change, whole and of this user's (or root's), and the
// installer writes into no other folder: a folder others may write, a build another user
// planted, a half-installed one and, as root, a link on the way are each refused, with nothing
// downloaded and nothing run.
#include "db/sandboxserverprograms.h"
#include "serverbuilds/serverbuildinstaller.h"

#include "requireorskip.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <pwd.h>
#include <unistd.h>

using namespace uaip;

namespace {

// major 18 is a build Debian 12 has not: the lookups go to the builds folder
constexpr int kMajor = 18;

void makeProgram(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\necho planted > /dev/null\n");
    f.close();
    QVERIFY(QFile::setPermissions(path,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                      | QFileDevice::ExeOther));
}

// A build folder of the three programs under builds/<major>/bin.
void plantBuild(const QString &builds, const QStringList &programs)
{
    QVERIFY(QDir().mkpath(builds + QStringLiteral("/%1/bin").arg(kMajor)));
    for (const QString &program : programs)
        makeProgram(builds + QStringLiteral("/%1/bin/").arg(kMajor) + program);
}

Error installError()
{
    const Result<QString> installed = ServerBuildInstaller::install(kMajor, [](const QString &) {});
    return installed ? Error() : installed.error();
}

} // namespace

class TestServerBuilds : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::setPermissions(m_dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
        m_builds = m_dir.path() + QStringLiteral("/builds-%1").arg(++m_case);
        qputenv("UAIP_PG_BUILDS_DIR", QFile::encodeName(m_builds));
        if (QDir(QStringLiteral("/usr/lib/postgresql/%1/bin").arg(kMajor)).exists())
            QSKIP("Debian's own build of this major is installed: the builds folder is not read");
    }
    void cleanup() { qunsetenv("UAIP_PG_BUILDS_DIR"); }

    void aWholeBuildOfThisUsersIsTrusted()
    {
        plantBuild(
            m_builds,
            {QStringLiteral("initdb"), QStringLiteral("pg_ctl"), QStringLiteral("postgres")});
        QVERIFY2(SandboxServerPrograms::buildsDirProblem().isEmpty(),
                 qPrintable(SandboxServerPrograms::buildsDirProblem()));
        QVERIFY(SandboxServerPrograms::trustedBuild(kMajor));
        QCOMPARE(SandboxServerPrograms::binDir(kMajor),
                 m_builds + QStringLiteral("/%1/bin").arg(kMajor));
    }

    void aBuildsFolderOthersMayWriteIsRefused()
    {
        plantBuild(
            m_builds,
            {QStringLiteral("initdb"), QStringLiteral("pg_ctl"), QStringLiteral("postgres")});
        QVERIFY(QFile::setPermissions(m_builds,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                          | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                          | QFileDevice::WriteOther | QFileDevice::ExeOther));
        QVERIFY(!SandboxServerPrograms::buildsDirProblem().isEmpty());
        QVERIFY(!SandboxServerPrograms::trustedBuild(kMajor));
        QVERIFY(SandboxServerPrograms::binDir(kMajor).isEmpty());
        const Error refused = installError();
        QCOMPARE(refused.code(), ErrorCode::Io);
        QVERIFY2(refused.text().contains(QStringLiteral("cannot be used")),
                 qPrintable(refused.text()));
    }

    void aBuildAnotherUserPlantedIsNotRun()
    {
        if (::geteuid() != 0)
            UAIP_REQUIRE_OR_SKIP("needs root: the build is another user's files");
        const passwd *nobody = ::getpwnam("nobody");
        QVERIFY(nobody);
        plantBuild(
            m_builds,
            {QStringLiteral("initdb"), QStringLiteral("pg_ctl"), QStringLiteral("postgres")});
        const QByteArray postgres
            = QFile::encodeName(m_builds + QStringLiteral("/%1/bin/postgres").arg(kMajor));
        QCOMPARE(::chown(postgres.constData(), nobody->pw_uid, nobody->pw_gid), 0);
        QVERIFY(!SandboxServerPrograms::trustedBuild(kMajor));
        QVERIFY(SandboxServerPrograms::binDir(kMajor).isEmpty());
        const Error refused = installError();
        QCOMPARE(refused.code(), ErrorCode::Io);
        QVERIFY2(refused.text().contains(QStringLiteral("not a whole build")),
                 qPrintable(refused.text()));
    }

    void aHalfInstalledBuildIsNotTakenForInstalled()
    {
        plantBuild(m_builds, {QStringLiteral("postgres")});
        QVERIFY(!SandboxServerPrograms::trustedBuild(kMajor));
        const Error refused = installError();
        QVERIFY2(refused.text().contains(QStringLiteral("remove it")), qPrintable(refused.text()));
    }

    void rootFollowsNoLinkToTheBuilds()
    {
        if (::geteuid() != 0)
            UAIP_REQUIRE_OR_SKIP("needs root: only root refuses a link on the way");
        const QString real = m_dir.path() + QStringLiteral("/real-%1").arg(m_case);
        plantBuild(
            real, {QStringLiteral("initdb"), QStringLiteral("pg_ctl"), QStringLiteral("postgres")});
        QVERIFY(QFile::link(real, m_builds));
        QVERIFY(SandboxServerPrograms::buildsDirProblem().contains(QStringLiteral("link")));
        QVERIFY(!SandboxServerPrograms::trustedBuild(kMajor));
    }

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/uaip-serverbuilds.XXXXXX")};
    QString m_builds;
    int m_case = 0;
};

QTEST_GUILESS_MAIN(TestServerBuilds)
#include "tst_serverbuilds.moc"
