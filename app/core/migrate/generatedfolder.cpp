#include "generatedfolder.h"

#include "ledger/migrationscaffold.h"
#include "ledger/migrationsource.h"
#include "migrationrunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace uaip {

bool GeneratedFolder::liveLevel(PgConnection &target, const QList<Migration> &migrations,
                                const QString &purpose, std::optional<MigrationVersion> *level,
                                QString *error)
{
    MigrationRunner reader(target, migrations, {});
    const auto statuses = reader.status();
    if (!statuses) {
        *error = statuses.error().toString();
        return false;
    }
    QStringList problems;
    for (const MigrationStatus &s : statuses.value()) {
        if (s.state == MigrationState::Missing)
            problems << tr("%1 is applied but has no migration folder").arg(s.id());
        else if (!s.isApplied())
            problems << tr("%1 is not applied yet").arg(s.id());
        else if (s.state != MigrationState::Applied)
            problems << tr("%1 is %2").arg(s.id(), migrationStateName(s.state));
        else
            *level = s.parsedVersion;
    }
    if (!problems.isEmpty()) {
        *error = tr("the live database must be at the last migration before %1:\n  %2")
                     .arg(purpose, problems.join(QStringLiteral("\n  ")));
        return false;
    }
    return true;
}

std::optional<QList<Migration>>
GeneratedFolder::withProofCopy(const QTemporaryDir &dir, const QList<Migration> &existing,
                               const QString &folderName, const QByteArray &up,
                               const QByteArray &down, QString *error)
{
    const QString folder = dir.filePath(folderName);
    if (!dir.isValid() || !QDir().mkpath(folder)) {
        *error = tr("cannot create a temporary folder for the proof");
        return std::nullopt;
    }
    for (const auto &[file, text] : {std::pair{"/up.sql", &up}, std::pair{"/down.sql", &down}}) {
        QFile f(folder + QLatin1String(file));
        if (!f.open(QIODevice::WriteOnly) || f.write(*text) != text->size()) {
            *error = tr("cannot write %1: %2").arg(f.fileName(), f.errorString());
            return std::nullopt;
        }
    }
    MigrationSource generated;
    if (!generated.load(dir.path()) || generated.migrations().size() != 1) {
        *error = tr("the generated migration cannot be read back: %1")
                     .arg(generated.errors().join(QStringLiteral("; ")));
        return std::nullopt;
    }
    QList<Migration> withNew = existing;
    withNew << generated.migrations().constFirst();
    return withNew;
}

QString GeneratedFolder::write(const QString &folderName, const QByteArray &up,
                               const QByteArray &down, const QString &dir,
                               const QList<Migration> &existing, const QDateTime &nowUtc,
                               QString *error)
{
    const QString name = folderName.section(u'_', 1);
    if (MigrationScaffold::nextVersion(existing, nowUtc) + u'_' + name != folderName) {
        *error = tr("the migrations folder changed since %1 was generated: generate it again")
                     .arg(folderName);
        return QString();
    }
    return MigrationScaffold::create(dir, existing, name, nowUtc, up, down, error);
}

} // namespace uaip
