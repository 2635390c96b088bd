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

QString MigrationScaffold::create(const QString &dir, const QList<Migration> &existing,
                                  const QString &name, const QDateTime &nowUtc, QString *error)
{
    return create(dir, existing, name, nowUtc, "-- " + name.toUtf8() + ": write the change here\n",
                  "-- undo " + name.toUtf8() + ": restore exactly the schema before up.sql\n",
                  error);
}

QString MigrationScaffold::create(const QString &dir, const QList<Migration> &existing,
                                  const QString &name, const QDateTime &nowUtc,
                                  const QByteArray &up, const QByteArray &down, QString *error)
{
    if (!checkName(name, error))
        return QString();
    if (dir.startsWith(u':')) {
        *error = tr("the bundled migrations are read-only; pass --dir PATH");
        return QString();
    }
    // One writer at a time, against the folder as it is now: two consoles writing at once
    // would otherwise both take the next version.
    const QString lockPath = QDir(dir).filePath(QStringLiteral(".uaip-new.lock"));
    QLockFile lock(lockPath);
    lock.setStaleLockTime(kLockStaleMs);
    if (!lock.tryLock(kLockWaitMs)) {
        *error = lock.error() == QLockFile::LockFailedError
            ? tr("another console is writing a migration into %1 (%2); try again")
                  .arg(dir, lockPath)
            : tr("cannot write into %1: %2 cannot be made (read-only, or no permission)")
                  .arg(dir, lockPath);
        return QString();
    }
    const QString version = nextVersion(existing, nowUtc);
    if (!unchangedSince(dir, existing, error) || !comesLast(version, existing, error))
        return QString();
    const QString folder = QDir(dir).filePath(version + u'_' + name);
    if (QFileInfo::exists(folder)) {
        *error = tr("cannot create %1: it exists").arg(folder);
        return QString();
    }
    // Written beside it under a name the folder's readers skip (made as any folder is: the
    // umask decides who may read it), then renamed into place: a folder is there whole or not
    // at all.
    const QString staging = QDir(dir).filePath(
        QStringLiteral(".uaip-new-%1")
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    if (!QDir().mkdir(staging)) {
        *error = tr("cannot create a folder in %1").arg(dir);
        return QString();
    }
    if (!writeFiles(staging, folder, up, down, error) || !QDir().rename(staging, folder)) {
        if (error->isEmpty())
            *error = tr("cannot create %1").arg(folder);
        QDir(staging).removeRecursively();
        return QString();
    }
    return folder;
}

bool MigrationScaffold::writeFiles(const QString &staging, const QString &folder,
                                   const QByteArray &up, const QByteArray &down, QString *error)
{
    for (const auto &[file, text] : {std::pair{"up.sql", &up}, std::pair{"down.sql", &down}}) {
        QFile f(staging + u'/' + QLatin1String(file));
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || f.write(*text) != text->size()
            || !f.flush()) {
            *error = tr("cannot write %1: %2")
                         .arg(folder + u'/' + QLatin1String(file), f.errorString());
            return false;
        }
    }
    return true;
}

bool MigrationScaffold::unchangedSince(const QString &dir, const QList<Migration> &existing,
                                       QString *error)
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
        return true;
    *error = tr("the migrations folder changed since it was read (%1 appeared): read it again")
                 .arg(appeared.join(QStringLiteral(", ")));
    return false;
}

bool MigrationScaffold::comesLast(const QString &version, const QList<Migration> &existing,
                                  QString *error)
{
    const auto parsed = MigrationVersion::parse(version);
    if (existing.isEmpty() || (parsed && *parsed > existing.constLast().version))
        return true;
    *error = tr("the next version in this folder's style, %1, does not come after the last one, "
                "%2 (a migration made in the same minute, or one with a version in the future)")
                 .arg(version, existing.constLast().version.text());
    return false;
}

bool MigrationScaffold::checkName(const QString &name, QString *error)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_]*$"));
    if (valid.match(name).hasMatch() && name.size() <= kMaxNameLength)
        return true;
    *error = tr("bad migration name \"%1\": use lower-case letters, digits and "
                "underscores (e.g. add_user_index), at most %2")
                 .arg(SqlComment::text(name))
                 .arg(kMaxNameLength);
    return false;
}

} // namespace uaip
