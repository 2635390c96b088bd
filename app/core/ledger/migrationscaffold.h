#pragma once

#include "error/result.h"
#include "error/status.h"
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
    static constexpr int kMaxNameLength = 100;
    static constexpr int kLockWaitMs = 10000; // another writer of the folder
    static constexpr int kLockStaleMs = 60000; // a lock file older than this is a crashed one's

    static QString nextVersion(const QList<Migration> &existing, const QDateTime &nowUtc);
    // Returns the created folder, or why it cannot be.
    static Result<QString> create(const QString &dir, const QList<Migration> &existing,
                                  const QString &name, const QDateTime &nowUtc);
    // The same with the files' text given (a generated migration). The folder is written whole
    // or not at all (staged under a hidden name, renamed), by one writer at a time (a lock file
    // in dir), and only while dir holds no migration folder beyond existing and the version
    // comes after existing's last.
    static Result<QString> create(const QString &dir, const QList<Migration> &existing,
                                  const QString &name, const QDateTime &nowUtc,
                                  const QByteArray &up, const QByteArray &down);
    // A name a folder can take: lower-case letters, digits, underscores, kMaxNameLength at most.
    static Status checkName(const QString &name);
    // Whether version sorts after the last of existing; else the error says so (a migration of
    // the same minute, or one versioned in the future).
    static Status comesLast(const QString &version, const QList<Migration> &existing);

private:
    static Status unchangedSince(const QString &dir, const QList<Migration> &existing);
    static Status writeFiles(const QString &staging, const QString &folder, const QByteArray &up,
                             const QByteArray &down);
};

} // namespace uaip
