#include "serverbuildinstaller.h"

#include "db/processrun.h"
#include "db/sandboxserverprograms.h"
#include "db/sandboxsetup.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTimer>

namespace uaip {

namespace {

Error ioError(const QString &text, const QString &path = QString())
{
    return Error(ErrorCode::Io, text, {{QStringLiteral("path"), path}});
}

// A path of the package that stays inside it: relative, no "..", no empty part.
bool insidePackage(const QString &relative)
{
    if (relative.isEmpty() || relative.startsWith(u'/'))
        return false;
    for (const QString &part : relative.split(u'/'))
        if (part.isEmpty() || part == QLatin1String("..") || part == QLatin1String("."))
            return false;
    return true;
}

} // namespace

Result<QString> ServerBuildInstaller::install(int major,
                                              const std::function<void(const QString &)> &say,
                                              const std::atomic_bool *cancelled)
{
    const std::optional<PinnedServerBuild> build = PinnedServerBuild::of(major);
    if (!build) {
        QStringList majors;
        for (const PinnedServerBuild &b : PinnedServerBuild::all())
            majors << QString::number(b.major);
        return Error(ErrorCode::NotFound,
                     tr("no build of PostgreSQL %1 is known to the console (it can fetch %2)")
                         .arg(major)
                         .arg(majors.join(QStringLiteral(", "))),
                     {{QStringLiteral("major"), major}});
    }
    return install(*build, say, cancelled);
}

Result<QString> ServerBuildInstaller::install(const PinnedServerBuild &pinned,
                                              const std::function<void(const QString &)> &say,
                                              const std::atomic_bool *cancelled)
{
    const PinnedServerBuild *build = &pinned;
    const int major = build->major;
    const QString dest = SandboxServerPrograms::buildDir(major);
    // a folder another user could change is never written, nor a build there run
    if (const QString problem = SandboxServerPrograms::buildsDirProblem(); !problem.isEmpty())
        return ioError(tr("the server builds' folder cannot be used: %1").arg(problem),
                       SandboxServerPrograms::buildsDir());
    if (SandboxServerPrograms::trustedBuild(major)) {
        say(tr("PostgreSQL %1 is installed already in %2").arg(major).arg(dest));
        return dest;
    }
    if (QFileInfo(dest).exists() || QFileInfo(dest).isSymLink())
        return ioError(tr("%1 is there, but is not a whole build of this user's: remove it, then "
                          "install again")
                           .arg(dest),
                       dest);
    const QString builds = SandboxServerPrograms::buildsDir();
    if (!QDir().mkpath(builds))
        return ioError(tr("cannot create the folder %1").arg(builds), builds);
    say(tr("fetching PostgreSQL %1 (about %2 MB) from %3")
            .arg(build->postgresVersion())
            .arg(build->downloadMegabytes)
            .arg(build->url()));
    const Result<QByteArray> archive = download(*build, cancelled);
    if (!archive)
        return archive.error();
    const QByteArray expected
        = QByteArray::fromBase64(build->integrity.section(u'-', 1).toLatin1());
    if (QCryptographicHash::hash(*archive, QCryptographicHash::Sha512) != expected)
        return ioError(tr("the download of %1 does not match its pinned SHA-512 (%2): refused, "
                          "nothing was installed")
                           .arg(build->url(), build->integrity));
    QTemporaryDir work(builds + QStringLiteral("/.install-XXXXXX"));
    if (!work.isValid())
        return ioError(tr("cannot create a folder in %1").arg(builds), builds);
    if (const Status unpacked = unpack(*archive, work.path()); !unpacked)
        return unpacked.error();
    const QString package = work.path() + QStringLiteral("/package/native");
    if (const Status linked = makeLinks(work.path() + QStringLiteral("/package")); !linked)
        return linked.error();
    if (!QFileInfo::exists(package + QStringLiteral("/bin/postgres")))
        return ioError(
            tr("%1 holds no server programs (package/native/bin/postgres)").arg(build->url()));
    QFile version(package + QStringLiteral("/VERSION"));
    if (!version.open(QIODevice::WriteOnly)
        || version.write((build->version + u' ' + build->integrity + u'\n').toUtf8()) < 0)
        return ioError(tr("cannot write %1").arg(version.fileName()), version.fileName());
    version.close();
    // made whole in its own folder, then renamed: a build is there complete or not at all
    if (!QDir().rename(package, dest))
        return ioError(tr("cannot move the build to %1").arg(dest), dest);
    if (SandboxSetup::runningAsRoot())
        for (const QString &line : SandboxSetup::makeParentsTraversable(dest))
            say(line);
    say(tr("installed PostgreSQL %1 in %2").arg(build->postgresVersion(), dest));
    return dest;
}

Result<QByteArray> ServerBuildInstaller::download(const PinnedServerBuild &build,
                                                  const std::atomic_bool *cancelled)
{
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkRequest request{QUrl(build.url())};
    request.setTransferTimeout(kDownloadTimeoutMs);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll; // a cancel from another thread ends the wait
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancelled && cancelled->load())
            reply->abort();
    });
    poll.start(100);
    loop.exec();
    reply->deleteLater();
    if (cancelled && cancelled->load())
        return Error(ErrorCode::Cancelled, tr("cancelled"));
    if (reply->error() != QNetworkReply::NoError)
        return ioError(tr("cannot fetch %1: %2").arg(build.url(), reply->errorString()));
    return reply->readAll();
}

Status ServerBuildInstaller::unpack(const QByteArray &archive, const QString &into)
{
    const QString file = into + QStringLiteral("/package.tgz");
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(archive) != archive.size() || !out.commit())
        return ioError(tr("cannot write %1").arg(file), file);
    // no owner, no absolute names, nothing outside the folder (GNU tar's defaults for a user;
    // --no-same-owner also as root); readable by all afterwards (openToAll)
    ProcessRun tar(QStringLiteral("tar"),
                   {QStringLiteral("-xzf"), file, QStringLiteral("-C"), into,
                    QStringLiteral("--no-same-owner")});
    tar.setMergedChannels(true);
    const Result<ProcessRun::Exit> ran = tar.wait(300000);
    QFile::remove(file);
    if (!ran || !ran->ok())
        return ioError(
            tr("cannot unpack the build (tar): %1")
                .arg(ran ? QString::fromLocal8Bit(ran->output).trimmed() : ran.error().toString()),
            into);
    return openToAll(into);
}

Status ServerBuildInstaller::openToAll(const QString &dir)
{
    // the sandbox's OS user runs it (as root): folders and programs 0755, the rest 0644, none
    // writable by another user, whatever the umask
    const QFileDevice::Permissions file = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const QFileDevice::Permissions exec
        = file | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo entry(it.next());
        if (entry.isSymLink())
            continue;
        const bool executable = entry.isDir() || entry.permission(QFileDevice::ExeOwner);
        if (!QFile::setPermissions(entry.filePath(), executable ? exec : file))
            return ioError(tr("cannot set the permissions of %1").arg(entry.filePath()),
                           entry.filePath());
    }
    return QFile::setPermissions(dir, exec)
        ? Status()
        : ioError(tr("cannot set the permissions of %1").arg(dir), dir);
}

Status ServerBuildInstaller::makeLinks(const QString &package)
{
    // [{"source": "native/lib/libpq.so.5.18", "target": "native/lib/libpq.so.5"}, ...]
    QFile list(package + QStringLiteral("/native/pg-symlinks.json"));
    if (!list.open(QIODevice::ReadOnly))
        return {}; // a build without links
    const QJsonArray links = QJsonDocument::fromJson(list.readAll()).array();
    for (const QJsonValue &value : links) {
        const QString source = value.toObject().value(QStringLiteral("source")).toString();
        const QString target = value.toObject().value(QStringLiteral("target")).toString();
        if (!insidePackage(source) || !insidePackage(target)
            || !QFileInfo(package + u'/' + source).isFile())
            return ioError(tr("pg-symlinks.json names a link outside the build or to nothing: %1 "
                              "-> %2")
                               .arg(target, source),
                           list.fileName());
        const QString link = package + u'/' + target;
        const QString relative = QFileInfo(link).dir().relativeFilePath(package + u'/' + source);
        if (QFileInfo(link).exists() || QFileInfo(link).isSymLink())
            continue;
        if (!QFile::link(relative, link))
            return ioError(tr("cannot make the link %1").arg(link), link);
    }
    return {};
}

} // namespace uaip
