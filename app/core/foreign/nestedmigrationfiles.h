#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace uaip {

// Files in the subdirectories of a source directory named like a tool's migrations: Flyway
// scans its locations recursively, so such a file is one Flyway ran; the import reads the
// source directory's own files, and lists these as problems rather than leave them out
// without a word.
class NestedMigrationFiles
{
public:
    // Paths relative to dir, sorted, of files below its subdirectories (those whose name
    // matches a pattern of exclude are left out) whose name matches one of patterns. A
    // subdirectory that is a symbolic link is not looked into.
    static QStringList find(const QString &dir, const QList<QRegularExpression> &patterns,
                            const QList<QRegularExpression> &exclude);
};

} // namespace uaip
