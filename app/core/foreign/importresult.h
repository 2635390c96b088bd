#pragma once

#include "importedmigration.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// What MigrationImporter read: the converted migrations, and what it could not convert.
struct ImportResult
{
    QString toolName;
    QList<ImportedMigration> migrations; // in version order
    // "file:line: why": nothing is written while there is one
    QStringList problems;
    // "file:line: why": migrations to convert by hand (JavaScript, TypeScript, SQL built at
    // run time); nothing is written while there is one either
    QStringList byHand;
    // the source directory's entries left out with --exclude, by name
    QStringList excluded;
    // "file:line:col: why": written all the same (a down file of the project that does not
    // parse, kept unchanged: rolling that migration back fails until it is fixed)
    QStringList warnings;

    bool ok() const { return problems.isEmpty(); }
    QStringList review() const
    {
        QStringList out;
        for (const ImportedMigration &m : migrations)
            if (m.downGenerated)
                out << m.folder;
        return out;
    }
};

} // namespace uaip
