#pragma once

#include "importedmigration.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// Writes converted migrations as VERSION_name/{up,down}.sql into a directory, never half: into
// a temporary directory beside it, renamed into place when every file is written. Beside the
// folders it writes a marker, .uaip-import, listing every file it wrote with its SHA-256. A
// non-empty directory is replaced only with force, and only when it holds exactly what an
// earlier import wrote (its marker's files, unchanged): a file added or edited since refuses,
// so nothing the importer did not write is ever removed. The directory may not be the source
// directory, inside it or around it.
class ImportWriter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportWriter)

public:
    static constexpr const char *kMarker = ".uaip-import";

    // Whether write() can write there (before any work): an empty string, or why not.
    static QString check(const QString &outDir, bool force, const QString &sourceDir = {});
    // An empty string, or what failed and where (nothing written then).
    static QString write(const QList<ImportedMigration> &migrations, const QString &outDir,
                         bool force, const QString &sourceDir = {});
    // import-migrations --since: the migrations into the directory an earlier import wrote (its
    // marker there, and the folder of every migration at or below VERSION: earlier; their files
    // may have changed since, downs written by hand), changing nothing there: each folder is
    // written beside it first, the new marker (its lines and the new files') into a temporary
    // file inside it, then the folders are moved in and the marker renamed into place last; one
    // folder that is there already refuses them all. An empty string, or what failed and where;
    // changed: whether folders were moved in all the same (only the marker failed).
    static QString add(const QList<ImportedMigration> &migrations, const QString &outDir,
                       const QStringList &earlier, const QString &sourceDir, bool *changed);
    // Whether add() can add there: an empty string, or why not.
    static QString checkAdd(const QString &outDir, const QStringList &earlier,
                            const QString &sourceDir = {});
};

} // namespace uaip
