#pragma once

#include "error/result.h"
#include "error/status.h"
#include "ledger/migration.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QTemporaryDir;

namespace uaip {

class PgConnection;

// What every generator of a migration folder (DriftMigrationBuilder, IndexMigrationBuilder)
// shares: the level a live database must be at for a new migration to go after the last
// folder, the generated pair read back from a temporary folder for its proof (as any other
// migration is read), and the pair written into the migrations folder under the version it
// was generated with.
class GeneratedFolder
{
    Q_DECLARE_TR_FUNCTIONS(uaip::GeneratedFolder)

public:
    // The version of the last folder when the live database has every folder applied and none
    // it has no folder for (nullopt when nothing is applied and there is no folder); an error
    // naming each folder that is not, otherwise. 'purpose' ends the sentence: "before
    // <purpose>".
    static Result<std::optional<MigrationVersion>>
    liveLevel(PgConnection &target, const QList<Migration> &migrations, const QString &purpose);
    // existing and the pair as the folder folderName of dir, read back (with the folders
    // written into dir before it); an error when it cannot be written or read.
    static Result<QList<Migration>> withProofCopy(const QTemporaryDir &dir,
                                                  const QList<Migration> &existing,
                                                  const QString &folderName, const QByteArray &up,
                                                  const QByteArray &down);
    // Writes the pair into dir as folderName, generated at nowUtc; the folder written, or an
    // error when the folder has changed since (the next version is no longer folderName's) or
    // a file cannot be written.
    static Result<QString> write(const QString &folderName, const QByteArray &up,
                                 const QByteArray &down, const QString &dir,
                                 const QList<Migration> &existing, const QDateTime &nowUtc);
};

} // namespace uaip
