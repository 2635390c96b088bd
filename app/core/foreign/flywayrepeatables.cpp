#include "flywayrepeatables.h"

#include "importheader.h"
#include "ledger/migrationversion.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace uaip {

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

QString FlywayRepeatables::note()
{
    return QStringLiteral("a Flyway repeatable migration: after the versioned ones, as Flyway runs "
                          "repeatables; when its file changes, import again with --force and "
                          "the new text becomes a migration of its own, whose down.sql restores "
                          "this one");
}

QHash<QString, QList<ImportedMigration>> FlywayRepeatables::previous(const QString &outDir,
                                                                     const QString &toolName)
{
    QHash<QString, QList<ImportedMigration>> out;
    if (outDir.isEmpty())
        return out;
    static const QRegularExpression repeatable(QStringLiteral(R"(^R__.+\.sql$)"));
    const QDir dir(outDir);
    for (const QString &folder : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        ImportedMigration m;
        m.folder = folder;
        m.upSql = readAll(dir.filePath(folder + QStringLiteral("/up.sql")));
        QByteArray body;
        const ImportHeader header = ImportHeader::parse(m.upSql, &body);
        if (header.toolName != toolName || !repeatable.match(header.file).hasMatch()
            || !versionOf(folder))
            continue;
        m.source = header.file;
        m.downSql = readAll(dir.filePath(folder + QStringLiteral("/down.sql")));
        m.noTransaction = header.noTransaction;
        m.kept = true;
        out[header.file] << m;
    }
    for (QList<ImportedMigration> &list : out)
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            return *versionOf(a.folder) < *versionOf(b.folder);
        });
    return out;
}

QString FlywayRepeatables::nextVersion(const QString &last, const QList<MigrationVersion> &taken)
{
    for (int k = 1;; ++k) {
        // a group no Flyway version is likely to have after <last> (V<last>.1 stays apart)
        const QString version = last + u'-' + QString::number(1000000 + k);
        const auto parsed = MigrationVersion::parse(version);
        if (parsed && !taken.contains(*parsed))
            return version;
    }
}

bool FlywayRepeatables::sameBody(const QByteArray &a, const QByteArray &b)
{
    QByteArray bodyA;
    QByteArray bodyB;
    ImportHeader::parse(a, &bodyA);
    ImportHeader::parse(b, &bodyB);
    return bodyA == bodyB;
}

std::optional<MigrationVersion> FlywayRepeatables::versionOf(const QString &folder)
{
    const auto parsed = MigrationVersion::parse(folder.section(u'_', 0, 0));
    return parsed ? std::optional<MigrationVersion>(*parsed) : std::nullopt;
}

} // namespace uaip
