#pragma once

#include "migration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace uaip {

// Creates VERSION_name/{up.sql,down.sql} with the next version in the folder's own style:
// zero-padded counters (0007 -> 0008) or timestamps (20240131120000, 2024-01-31-120000).
class MigrationScaffold
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationScaffold)

public:
    static QString nextVersion(const QList<Migration> &existing, const QDateTime &nowUtc);
    // Returns the created folder, or an empty string with 'error' set.
    static QString create(const QString &dir, const QList<Migration> &existing, const QString &name,
                          const QDateTime &nowUtc, QString *error);
    // The same with the files' text given (a generated migration).
    static QString create(const QString &dir, const QList<Migration> &existing, const QString &name,
                          const QDateTime &nowUtc, const QByteArray &up, const QByteArray &down,
                          QString *error);
    // A name a folder can take: lower-case letters, digits, underscores.
    static bool checkName(const QString &name, QString *error);
};

} // namespace uaip
