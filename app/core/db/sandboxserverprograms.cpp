#include "sandboxserverprograms.h"

#include "processrun.h"
#include "sandboxrootcheck.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>

namespace uaip {

namespace {

bool hasServer(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo::exists(dir + QStringLiteral("/initdb"))
        && QFileInfo::exists(dir + QStringLiteral("/postgres"));
}

QString debianBinDir(int major)
{
    return QStringLiteral("/usr/lib/postgresql/%1/bin").arg(major);
}

// "postgres (PostgreSQL) 18.4" -> 18
int majorOfPrograms(const QString &bin)
{
    ProcessRun p(bin + QStringLiteral("/postgres"), {QStringLiteral("--version")});
    const Result<ProcessRun::Exit> ran = p.wait(10000);
    if (!ran || !ran->ok())
        return 0;
    static const QRegularExpression version(QStringLiteral("\\) (\\d+)"));
    const QRegularExpressionMatch m = version.match(QString::fromLocal8Bit(ran->output));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

QString SandboxServerPrograms::binDir()
{
    static const QString found = [] {
        ProcessRun p(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
        if (const Result<ProcessRun::Exit> ran = p.wait(10000); ran && ran->ok()) {
            const QString dir = QString::fromLocal8Bit(ran->output).trimmed();
            if (hasServer(dir))
                return dir;
        }
        // Debian keeps server binaries per major version; take the newest one installed.
        QDir versions(QStringLiteral("/usr/lib/postgresql"));
        QStringList majors = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(majors.begin(), majors.end(),
                  [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &m : majors)
            if (const QString dir = versions.filePath(m + QStringLiteral("/bin")); hasServer(dir))
                return dir;
        return QString();
    }();
    return found;
}

int SandboxServerPrograms::defaultMajor()
{
    static const int major = binDir().isEmpty() ? 0 : majorOfPrograms(binDir());
    return major;
}

QString SandboxServerPrograms::binDir(int major)
{
    if (major <= 0)
        return binDir();
    if (const QString debian = debianBinDir(major); hasServer(debian))
        return debian;
    if (trustedBuild(major))
        return buildDir(major) + QStringLiteral("/bin");
    return major == defaultMajor() ? binDir() : QString();
}

QString SandboxServerPrograms::buildsDirProblem()
{
    const QString dir = buildsDir();
    if (::geteuid() == 0 && QFileInfo(dir).exists() && QFileInfo(dir).canonicalFilePath() != dir)
        return tr("%1 is reached through a link, which root does not follow").arg(dir);
    if (const Status parents = SandboxRootCheck::parentsSafe(dir + QStringLiteral("/x")); !parents)
        return parents.error().text();
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(dir).constData(), &st) != 0)
        return QString(); // made when needed, by this user
    if (!S_ISDIR(st.st_mode) || (st.st_uid != ::geteuid() && st.st_uid != 0)
        || (st.st_mode & (S_IWGRP | S_IWOTH)))
        return tr("%1 is not a folder of this user's (or root's) that no one else may "
                  "change (owner uid %2, mode %3)")
            .arg(dir)
            .arg(st.st_uid)
            .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
    return QString();
}

bool SandboxServerPrograms::trustedBuild(int major)
{
    if (!buildsDirProblem().isEmpty())
        return false;
    const QString dir = buildDir(major);
    const auto own = [](const QString &path, bool folder) {
        struct stat st
        {
        };
        return ::lstat(QFile::encodeName(path).constData(), &st) == 0
            && (folder ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode))
            && (st.st_uid == ::geteuid() || st.st_uid == 0) && !(st.st_mode & (S_IWGRP | S_IWOTH));
    };
    return own(dir, true) && own(dir + QStringLiteral("/bin"), true)
        && own(dir + QStringLiteral("/bin/initdb"), false)
        && own(dir + QStringLiteral("/bin/pg_ctl"), false)
        && own(dir + QStringLiteral("/bin/postgres"), false);
}

QString SandboxServerPrograms::buildsDir()
{
    const QString set = qEnvironmentVariable("UAIP_PG_BUILDS_DIR");
    if (!set.isEmpty())
        return QDir::cleanPath(QFileInfo(set).absoluteFilePath());
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/uaip-admin/postgresql");
}

QString SandboxServerPrograms::buildDir(int major)
{
    return buildsDir() + u'/' + QString::number(major);
}

QList<int> SandboxServerPrograms::installedMajors()
{
    QList<int> out;
    for (int major = 10; major < 100; ++major)
        if (hasServer(debianBinDir(major)) || trustedBuild(major))
            out << major;
    if (defaultMajor() > 0 && !out.contains(defaultMajor()))
        out << defaultMajor();
    std::sort(out.begin(), out.end());
    return out;
}

QStringList SandboxServerPrograms::preloadLibraries(const QString &bin)
{
    if (bin.isEmpty())
        return {};
    QStringList libraries;
    // Debian's layout (<bin>/../lib/<name>.so) and the upstream one (<bin>/../lib/postgresql/)
    for (const char *name : {"pg_stat_statements", "pg_qualstats"})
        for (const QString &dir :
             {QStringLiteral("/../lib/"), QStringLiteral("/../lib/postgresql/")})
            if (QFileInfo::exists(bin + dir + QLatin1String(name) + QStringLiteral(".so"))
                && !libraries.contains(QLatin1String(name)))
                libraries << QLatin1String(name);
    return libraries;
}

QString SandboxServerPrograms::workloadOptions(const QString &bin)
{
    // The workload insights: every statement counted, every qual sampled, and room for ten times
    // pg_qualstats' default 1000 entries: each constant is an entry of its own, and a busy
    // server evicted a statement's quals before the advisor read them. (Not tracking constants
    // would be the smaller fix, but pg_qualstats 2.0 then fails to start above 1000 entries.)
    QString options;
    const QStringList preload = preloadLibraries(bin);
    if (!preload.isEmpty())
        options += QStringLiteral(" -c shared_preload_libraries='%1'").arg(preload.join(u','));
    if (preload.contains(QLatin1String("pg_qualstats")))
        options += QStringLiteral(" -c pg_qualstats.sample_rate=1 -c pg_qualstats.max=10000");
    return options;
}

QString SandboxServerPrograms::preparedTransactionOptions()
{
    return QStringLiteral(" -c max_prepared_transactions=16");
}

} // namespace uaip
