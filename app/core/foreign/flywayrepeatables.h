#pragma once

#include "importedmigration.h"

#include <QHash>
#include <QList>
#include <QString>

namespace uaip {

class MigrationVersion;

// Flyway's repeatable migrations (R__<description>.sql) as our engine runs them: each becomes a
// migration after every versioned one (Flyway runs repeatables after all pending versioned
// migrations, in the order of their descriptions), versioned <last>-<1000000 + k> (7-1000001
// sorts after 7 and before 8, and after a V7.1 added later, which stays apart from it). Flyway runs
// one again whenever its file changes; an import over an earlier one
// (--force) does the same: the earlier import's folders of a repeatable are kept as they were,
// and a file that changed since becomes a new folder after everything, whose down.sql (written
// from the schema difference) restores the text before. adopt matches a repeatable's history
// rows to its folders by checksum (AdoptionPlanner).
class FlywayRepeatables
{
public:
    // What the import's header says of such a folder (file content, never translated).
    static QString note();
    // The folders an earlier import of toolName wrote into outDir for its repeatable files, by
    // the file they came from, in version order (empty when outDir is empty or has none).
    static QHash<QString, QList<ImportedMigration>> previous(const QString &outDir,
                                                             const QString &toolName);
    // <last>-<1000000 + k> for the smallest k >= 1 not among taken.
    static QString nextVersion(const QString &last, const QList<MigrationVersion> &taken);
    // Whether two up.sql files hold the same SQL below their import headers.
    static bool sameBody(const QByteArray &a, const QByteArray &b);
    // The folder's version part, parsed (nullopt when it does not parse).
    static std::optional<MigrationVersion> versionOf(const QString &folder);
};

} // namespace uaip
