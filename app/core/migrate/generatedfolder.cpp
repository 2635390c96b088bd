#include "generatedfolder.h"

#include "ledger/migrationscaffold.h"
#include "ledger/migrationsource.h"
#include "migrationrunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace uaip {

Result<std::optional<MigrationVersion>>
GeneratedFolder::liveLevel(PgConnection &target, const QList<Migration> &migrations,
                           const QString &purpose)
{
    MigrationRunner reader(target, migrations, {});
    const auto statuses = reader.status();
    if (!statuses)
        return statuses.error();
    std::optional<MigrationVersion> level;
    QStringList problems;
    QStringList names; // the migrations the live database is not at
    for (const MigrationStatus &s : statuses.value()) {
        if (s.state == MigrationState::Missing)
            problems << tr("%1 is applied but has no migration folder").arg(s.id());
        else if (!s.isApplied())
            problems << tr("%1 is not applied yet").arg(s.id());
        else if (s.state != MigrationState::Applied)
            problems << tr("%1 is %2").arg(s.id(), migrationStateName(s.state));
        else
            level = s.parsedVersion;
        if (problems.size() > names.size())
            names << s.id();
    }
    if (!problems.isEmpty())
        return Error(ErrorCode::Refused,
                     tr("the live database must be at the last migration before %1:\n  %2")
                         .arg(purpose, problems.join(QStringLiteral("\n  "))),
                     {{QStringLiteral("names"), names}});
    return level;
}

Result<QList<Migration>> GeneratedFolder::withProofCopy(const QTemporaryDir &dir,
                                                        const QList<Migration> &existing,
                                                        const QString &folderName,
                                                        const QByteArray &up,
                                                        const QByteArray &down)
{
    const QString folder = dir.filePath(folderName);
    if (!dir.isValid() || !QDir().mkpath(folder))
        return Error(ErrorCode::Io, tr("cannot create a temporary folder for the proof"));
    for (const auto &[file, text] : {std::pair{"/up.sql", &up}, std::pair{"/down.sql", &down}}) {
        QFile f(folder + QLatin1String(file));
        if (!f.open(QIODevice::WriteOnly) || f.write(*text) != text->size())
            return Error(ErrorCode::Io,
                         tr("cannot write %1: %2").arg(f.fileName(), f.errorString()),
                         {{QStringLiteral("path"), f.fileName()}});
    }
    // dir may hold pairs generated before this one (an online change's expand beside its
    // contract): read together, as the folder will hold them
    MigrationSource generated;
    const Migration *made = nullptr;
    if (generated.load(dir.path()))
        for (const Migration &m : generated.migrations())
            if (m.id() == folderName)
                made = &m;
    if (!made)
        return Error(ErrorCode::Internal,
                     tr("the generated migration cannot be read back: %1")
                         .arg(generated.errors().join(QStringLiteral("; "))));
    QList<Migration> withNew = existing;
    withNew << *made;
    return withNew;
}

Result<QString> GeneratedFolder::write(const QString &folderName, const QByteArray &up,
                                       const QByteArray &down, const QString &dir,
                                       const QList<Migration> &existing, const QDateTime &nowUtc)
{
    const QString name = folderName.section(u'_', 1);
    if (MigrationScaffold::nextVersion(existing, nowUtc) + u'_' + name != folderName)
        return Error(ErrorCode::Conflict,
                     tr("the migrations folder changed since %1 was generated: generate it again")
                         .arg(folderName),
                     {{QStringLiteral("name"), folderName}, {QStringLiteral("path"), dir}});
    return MigrationScaffold::create(dir, existing, name, nowUtc, up, down);
}

} // namespace uaip
