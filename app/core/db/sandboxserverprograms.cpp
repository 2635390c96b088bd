#include "sandboxserverprograms.h"

#include "processrun.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace uaip {

QString SandboxServerPrograms::binDir()
{
    ProcessRun p(QStringLiteral("pg_config"), {QStringLiteral("--bindir")});
    if (const Result<ProcessRun::Exit> ran = p.wait(10000); ran && ran->ok()) {
        const QString dir = QString::fromLocal8Bit(ran->output).trimmed();
        if (QFileInfo::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    // Debian keeps server binaries per major version; take the newest one installed.
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &m : majors) {
        const QString dir = versions.filePath(m + QStringLiteral("/bin"));
        if (QFileInfo::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    return QString();
}

QStringList SandboxServerPrograms::preloadLibraries()
{
    const QString bin = binDir();
    if (bin.isEmpty())
        return {};
    QStringList libraries;
    for (const char *name : {"pg_stat_statements", "pg_qualstats"})
        if (QFileInfo::exists(bin + QStringLiteral("/../lib/") + QLatin1String(name)
                              + QStringLiteral(".so")))
            libraries << QLatin1String(name);
    return libraries;
}

QString SandboxServerPrograms::workloadOptions()
{
    // The workload insights: every statement counted, every qual sampled, and room for ten times
    // pg_qualstats' default 1000 entries: each constant is an entry of its own, and a busy
    // server evicted a statement's quals before the advisor read them. (Not tracking constants
    // would be the smaller fix, but pg_qualstats 2.0 then fails to start above 1000 entries.)
    QString options;
    const QStringList preload = preloadLibraries();
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
