#pragma once

#include "importedmigration.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

// Writes converted migrations as VERSION_name/{up,down}.sql into a directory, never half: into
// a temporary directory beside it, renamed into place when every file is written. A non-empty
// directory is replaced only with force (the old one is removed after the rename).
class ImportWriter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportWriter)

public:
    // An empty string, or what failed and where.
    static QString write(const QList<ImportedMigration> &migrations, const QString &outDir,
                         bool force);
};

} // namespace uaip
