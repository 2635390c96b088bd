#include "migrationscaffold.h"

#include "util/sqlcomment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

namespace uaip {

QString MigrationScaffold::nextVersion(const QList<Migration> &existing, const QDateTime &nowUtc)
{
    if (existing.isEmpty())
        return QStringLiteral("0001");
    const QString last = existing.constLast().version.text();
    if (last.contains(u'-')) // diesel style 2024-01-31-120000
        return nowUtc.toString(QStringLiteral("yyyy-MM-dd-HHmmss"));
    if (last.size() >= 12) { // timestamp style 20240131120000
        QString v = nowUtc.toString(QStringLiteral("yyyyMMddHHmmss")).left(last.size());
        while (v.size() < last.size())
            v += u'0';
        return v;
    }
    // Counter: keep the width, add one (the text may have more digits than fit in 64 bits
    // only in theory; counters are short).
    bool ok = false;
    const qulonglong n = last.toULongLong(&ok);
    return QStringLiteral("%1").arg(ok ? n + 1 : 1, int(last.size()), 10, QLatin1Char('0'));
}

Result<QString> MigrationScaffold::create(const QString &dir, const QList<Migration> &existing,
                                          const QString &name, const QDateTime &nowUtc)
{
    return create(dir, existing, name, nowUtc, "-- " + name.toUtf8() + ": write the change here\n",
                  "-- undo " + name.toUtf8() + ": restore exactly the schema before up.sql\n");
}

Result<QString> MigrationScaffold::create(const QString &dir, const QList<Migration> &existing,
                                          const QString &name, const QDateTime &nowUtc,
                                          const QByteArray &up, const QByteArray &down)
{
    if (Status named = checkName(name); !named)
        return named.error();
    const QVariantMap where{{QStringLiteral("path"), dir}};
    if (dir.startsWith(u':'))
        return Error(ErrorCode::Refused,
                     tr("the bundled migrations are read-only; pass --dir PATH"), where);
    // One writer at a time, against the folder as it is now: two consoles writing at once
    // would otherwise both take the next version.
    const QString lockPath = QDir(dir).filePath(QStringLiteral(".uaip-new.lock"));
    QLockFile lock(lockPath);
    lock.setStaleLockTime(kLockStaleMs);
    if (!lock.tryLock(kLockWaitMs)) {
        if (lock.error() == QLockFile::LockFailedError)
            return Error(ErrorCode::Conflict,
                         tr("another console is writing a migration into %1 (%2); try again")
                             .arg(dir, lockPath),
                         where);
        return Error(ErrorCode::Io,
                     tr("cannot write into %1: %2 cannot be made (read-only, or no permission)")
                         .arg(dir, lockPath),
                     where);
    }
    const QString version = nextVersion(existing, nowUtc);
    if (Status unchanged = unchangedSince(dir, existing); !unchanged)
        return unchanged.error();
    if (Status last = comesLast(version, existing); !last)
        return last.error();
    const QString folder = QDir(dir).filePath(version + u'_' + name);
    if (QFileInfo::exists(folder))
        return Error(ErrorCode::Conflict, tr("cannot create %1: it exists").arg(folder),
                     {{QStringLiteral("path"), folder}});
    // Written beside it under a name the folder's readers skip (made as any folder is: the
    // umask decides who may read it), then renamed into place: a folder is there whole or not
    // at all.
    const QString staging = QDir(dir).filePath(
        QStringLiteral(".uaip-new-%1")
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    if (!QDir().mkdir(staging))
        return Error(ErrorCode::Io, tr("cannot create a folder in %1").arg(dir), where);
    Status written = writeFiles(staging, folder, up, down);
    if (!written || !QDir().rename(staging, folder)) {
        QDir(staging).removeRecursively();
        if (!written)
            return written.error();
        return Error(ErrorCode::Io, tr("cannot create %1").arg(folder),
                     {{QStringLiteral("path"), folder}});
    }
    return folder;
}

Status MigrationScaffold::writeFiles(const QString &staging, const QString &folder,
                                     const QByteArray &up, const QByteArray &down)
{
    for (const auto &[file, text] : {std::pair{"up.sql", &up}, std::pair{"down.sql", &down}}) {
        QFile f(staging + u'/' + QLatin1String(file));
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || f.write(*text) != text->size()
            || !f.flush()) {
            const QString path = folder + u'/' + QLatin1String(file);
            return Error(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()),
                         {{QStringLiteral("path"), path}});
        }
    }
    return {};
}

Status MigrationScaffold::unchangedSince(const QString &dir, const QList<Migration> &existing)
{
    QSet<QString> known;
    for (const Migration &m : existing)
        known.insert(m.id());
    static const QRegularExpression migrationLike(QStringLiteral("^[0-9]"));
    QStringList appeared;
    for (const QString &entry : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (migrationLike.match(entry).hasMatch() && !known.contains(entry))
            appeared << entry;
    if (appeared.isEmpty())
        return {};
    return Error(ErrorCode::Conflict,
                 tr("the migrations folder changed since it was read (%1 appeared): read it again")
                     .arg(appeared.join(QStringLiteral(", "))),
                 {{QStringLiteral("path"), dir}, {QStringLiteral("names"), appeared}});
}

Status MigrationScaffold::comesLast(const QString &version, const QList<Migration> &existing)
{
    const auto parsed = MigrationVersion::parse(version);
    if (existing.isEmpty() || (parsed && *parsed > existing.constLast().version))
        return {};
    return Error(ErrorCode::Conflict,
                 tr("the next version in this folder's style, %1, does not come after the last "
                    "one, %2 (a migration made in the same minute, or one with a version in the "
                    "future)")
                     .arg(version, existing.constLast().version.text()),
                 {{QStringLiteral("version"), version}});
}

Status MigrationScaffold::checkName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_]*$"));
    if (valid.match(name).hasMatch() && name.size() <= kMaxNameLength)
        return {};
    return Error(ErrorCode::BadInput,
                 tr("bad migration name \"%1\": use lower-case letters, digits and "
                    "underscores (e.g. add_user_index), at most %2")
                     .arg(SqlComment::text(name))
                     .arg(kMaxNameLength),
                 {{QStringLiteral("name"), name}});
}

} // namespace uaip
