#include "importwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QTemporaryDir>

namespace uaip {

namespace {

const QByteArray kMarkerHeader
    = "# written by uaip-migrate import-migrations: every file below with its SHA-256;\n"
      "# import-migrations --force replaces this directory only while it holds exactly these\n";

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || f.write(bytes) != bytes.size()
        || !f.flush()) {
        return ImportWriter::tr("%1: cannot write it: %2").arg(path, f.errorString());
    }
    return {};
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// A path as the file system would resolve it once created: its nearest existing ancestor
// resolved (symbolic links and all), the rest appended.
QString resolved(const QString &path)
{
    QFileInfo info(QFileInfo(path).absoluteFilePath());
    QStringList rest;
    while (!info.exists() && !info.isSymLink()) {
        rest.prepend(info.fileName());
        const QString parent = info.absolutePath();
        if (parent == info.absoluteFilePath())
            break;
        info = QFileInfo(parent);
    }
    QString base = info.canonicalFilePath();
    if (base.isEmpty())
        base = info.absoluteFilePath();
    for (const QString &r : rest)
        base += (base.endsWith(u'/') ? QString() : QStringLiteral("/")) + r;
    return QDir::cleanPath(base);
}

bool within(const QString &path, const QString &dir)
{
    return path.startsWith(dir.endsWith(u'/') ? dir : dir + u'/');
}

// Why the out directory cannot be where the source is; empty when it can.
QString overlap(const QString &outDir, const QString &sourceDir)
{
    if (sourceDir.isEmpty())
        return {};
    const QString out = resolved(outDir);
    const QString src = resolved(sourceDir);
    if (out == src)
        return ImportWriter::tr("%1: is the source directory: write the converted migrations "
                                "elsewhere")
            .arg(outDir);
    if (within(out, src))
        return ImportWriter::tr("%1: inside the source directory %2: write the converted "
                                "migrations elsewhere")
            .arg(outDir, sourceDir);
    if (within(src, out))
        return ImportWriter::tr("%1: holds the source directory %2: it is never replaced; write "
                                "the converted migrations elsewhere")
            .arg(outDir, sourceDir);
    return {};
}

// Whether dir holds exactly what an earlier import wrote (its marker's files, unchanged); empty
// when it does, else what differs.
QString onlyImported(const QString &dir)
{
    QFile marker(dir + u'/' + QLatin1String(ImportWriter::kMarker));
    if (!marker.open(QIODevice::ReadOnly))
        return ImportWriter::tr("%1: not written by import-migrations (no %2 in it): --force "
                                "replaces only a directory it wrote; move it away yourself or "
                                "choose another --out")
            .arg(dir, QLatin1String(ImportWriter::kMarker));
    QHash<QString, QByteArray> listed;
    const QByteArray text = marker.read(4 * 1024 * 1024);
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype space = line.indexOf("  ");
        if (space != 64)
            return ImportWriter::tr("%1/%2: not as import-migrations writes it: --force "
                                    "replaces nothing")
                .arg(dir, QLatin1String(ImportWriter::kMarker));
        listed.insert(QString::fromUtf8(line.mid(space + 2)), line.left(space));
    }
    QStringList problems;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext() && problems.size() < 5) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = QDir(dir).relativeFilePath(path);
        if (rel == QLatin1String(ImportWriter::kMarker))
            continue;
        if (info.isSymLink()) {
            problems << ImportWriter::tr("%1: a symbolic link, not written by the import").arg(rel);
            continue;
        }
        if (info.isDir())
            continue; // checked through its files; an extra empty one is harmless
        const auto found = listed.constFind(rel);
        QFile f(path);
        if (found == listed.constEnd())
            problems << ImportWriter::tr("%1: not written by the import").arg(rel);
        else if (!f.open(QIODevice::ReadOnly) || sha256(f.readAll()) != *found)
            problems << ImportWriter::tr("%1: changed since the import wrote it").arg(rel);
    }
    if (problems.isEmpty())
        return {};
    return ImportWriter::tr("%1: --force replaces only what import-migrations wrote, and it "
                            "holds more: %2; move those away first")
        .arg(dir, problems.join(QStringLiteral("; ")));
}

// Each migration's folder with its up.sql and down.sql into dir; markerLines gets a line per file
// (its SHA-256 and path). An empty string, or what failed.
QString writeFolders(const QList<ImportedMigration> &migrations, const QString &dir,
                     QByteArray *markerLines)
{
    for (const ImportedMigration &m : migrations) {
        const QString folder = dir + u'/' + m.folder;
        if (!QDir().mkdir(folder))
            return ImportWriter::tr("%1: cannot create the folder (twice?)").arg(folder);
        for (const auto &[name, bytes] : {std::pair{QStringLiteral("up.sql"), m.upSql},
                                          std::pair{QStringLiteral("down.sql"), m.downSql}}) {
            const QString error = writeFile(folder + u'/' + name, bytes);
            if (!error.isEmpty())
                return error;
            *markerLines += sha256(bytes) + "  " + (m.folder + u'/' + name).toUtf8() + '\n';
        }
    }
    return {};
}

// Why outDir cannot be written to at all (the source's, a symbolic link, a file); empty when
// it can.
QString unusable(const QString &outDir, const QString &sourceDir)
{
    const QFileInfo out(outDir);
    const QString target = out.absoluteFilePath();
    if (const QString why = overlap(outDir, sourceDir); !why.isEmpty())
        return why;
    if (out.isSymLink())
        return ImportWriter::tr("%1: a symbolic link: give the directory it points to").arg(target);
    if (out.exists() && !out.isDir())
        return ImportWriter::tr("%1: exists and is not a directory").arg(target);
    return {};
}

} // namespace

QString ImportWriter::check(const QString &outDir, bool force, const QString &sourceDir)
{
    const QFileInfo out(outDir);
    const QString target = out.absoluteFilePath();
    if (const QString why = unusable(outDir, sourceDir); !why.isEmpty())
        return why;
    const bool replace = out.exists()
        && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                                 | QDir::System);
    if (replace && !force)
        return tr("%1: not empty; --force replaces it").arg(target);
    if (replace)
        return onlyImported(target);
    return {};
}

QString ImportWriter::write(const QList<ImportedMigration> &migrations, const QString &outDir,
                            bool force, const QString &sourceDir)
{
    if (const QString why = check(outDir, force, sourceDir); !why.isEmpty())
        return why;
    const QFileInfo out(outDir);
    const QString target = out.absoluteFilePath();
    const bool replace = out.exists()
        && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                                 | QDir::System);
    const QString parent = out.absolutePath();
    if (!QDir().mkpath(parent))
        return tr("%1: cannot create the directory").arg(parent);

    // Everything into a directory beside the target first: a failure leaves no half set.
    QTemporaryDir temp(parent + u'/' + u'.' + out.fileName() + QStringLiteral(".import-XXXXXX"));
    if (!temp.isValid())
        return tr("%1: cannot create a temporary directory: %2").arg(parent, temp.errorString());
    QByteArray marker = kMarkerHeader;
    if (const QString error = writeFolders(migrations, temp.path(), &marker); !error.isEmpty())
        return error;
    if (const QString error = writeFile(temp.filePath(QLatin1String(kMarker)), marker);
        !error.isEmpty())
        return error;

    QString old;
    if (replace) {
        old = parent + u'/' + u'.' + out.fileName() + QStringLiteral(".replaced-")
            + QFileInfo(temp.path()).suffix();
        if (!QDir().rename(target, old))
            return tr("%1: cannot move it aside to %2").arg(target, old);
    } else if (out.exists() && !QDir().rmdir(target)) {
        return tr("%1: cannot replace the empty directory").arg(target);
    }
    if (!QDir().rename(temp.path(), target)) {
        if (!old.isEmpty())
            QDir().rename(old, target); // put the old one back
        return tr("%1: cannot rename %2 to it").arg(target, temp.path());
    }
    temp.setAutoRemove(false);
    if (!old.isEmpty() && !QDir(old).removeRecursively())
        return tr("%1: written, but the replaced directory %2 could not be removed")
            .arg(target, old);
    return {};
}

QString ImportWriter::checkAdd(const QString &outDir, const QStringList &earlier,
                               const QString &sourceDir)
{
    if (const QString why = unusable(outDir, sourceDir); !why.isEmpty())
        return why;
    const QFileInfo out(outDir);
    const QString target = out.absoluteFilePath();
    if (!out.isDir()
        || QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                                | QDir::System))
        return tr("%1: no such directory, or empty: --since adds to a directory "
                  "import-migrations wrote, and there is nothing to add to (import without "
                  "--since first)")
            .arg(target);
    if (!QFileInfo(target + u'/' + QLatin1String(kMarker)).isFile())
        return tr("%1: no %2 in it: --since adds to a directory import-migrations wrote")
            .arg(target, QLatin1String(kMarker));
    QStringList missing;
    for (const QString &folder : earlier)
        if (!QFileInfo(target + u'/' + folder).isDir())
            missing << folder;
    if (!missing.isEmpty())
        //: %2 the folders missing, comma-separated
        return tr("%1: not the earlier import: the folders of the migrations at or below "
                  "--since are missing (%2)")
            .arg(target, missing.join(QStringLiteral(", ")));
    return {};
}

QString ImportWriter::add(const QList<ImportedMigration> &migrations, const QString &outDir,
                          const QStringList &earlier, const QString &sourceDir, bool *changed)
{
    *changed = false;
    if (const QString why = checkAdd(outDir, earlier, sourceDir); !why.isEmpty())
        return why;
    const QFileInfo out(outDir);
    const QString target = out.absoluteFilePath();
    for (const ImportedMigration &m : migrations)
        if (QFileInfo(target + u'/' + m.folder).exists()
            || QFileInfo(target + u'/' + m.folder).isSymLink())
            return tr("%1/%2: is there already: --since adds only folders that are not")
                .arg(target, m.folder);
    // Everything beside the directory first: a failure leaves nothing in it.
    QTemporaryDir temp(out.absolutePath() + u'/' + u'.' + out.fileName()
                       + QStringLiteral(".import-XXXXXX"));
    if (!temp.isValid())
        return tr("%1: cannot create a temporary directory: %2")
            .arg(out.absolutePath(), temp.errorString());
    QByteArray markerLines;
    if (const QString error = writeFolders(migrations, temp.path(), &markerLines); !error.isEmpty())
        return error;
    // The new marker (the earlier import's lines and the new ones) into a temporary file inside
    // the directory first, renamed into place only once every folder is in: a failure to write
    // it moves nothing, and the marker never lists a folder that is not there.
    const QString markerPath = target + u'/' + QLatin1String(kMarker);
    QFile old(markerPath);
    if (!old.open(QIODevice::ReadOnly))
        return tr("%1: cannot read it: %2").arg(markerPath, old.errorString());
    QByteArray text = old.readAll();
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    QSaveFile marker(markerPath);
    if (!marker.open(QIODevice::WriteOnly)
        || marker.write(text + markerLines) != text.size() + markerLines.size() || !marker.flush())
        return tr("%1: cannot write it: %2").arg(markerPath, marker.errorString());
    QStringList moved;
    for (const ImportedMigration &m : migrations) {
        if (QDir().rename(temp.filePath(m.folder), target + u'/' + m.folder)) {
            moved << m.folder;
            continue;
        }
        for (const QString &folder : std::as_const(moved)) // none of them stays
            QDir().rename(target + u'/' + folder, temp.filePath(folder));
        marker.cancelWriting();
        return tr("%1/%2: cannot move the new folder in: nothing was added").arg(target, m.folder);
    }
    *changed = !moved.isEmpty();
    if (!marker.commit())
        return tr("%1: the folders were added, but %2 could not be replaced: %3")
            .arg(target, QLatin1String(kMarker), marker.errorString());
    return {};
}

} // namespace uaip
