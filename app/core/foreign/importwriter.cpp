#include "importwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace uaip {

namespace {

QString writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) || f.write(bytes) != bytes.size()
        || !f.flush()) {
        return ImportWriter::tr("%1: cannot write it: %2").arg(path, f.errorString());
    }
    return {};
}

} // namespace

QString ImportWriter::write(const QList<ImportedMigration> &migrations, const QString &outDir,
                            bool force)
{
    const QFileInfo out(outDir);
    const QString target = out.absoluteFilePath();
    if (out.exists() && !out.isDir())
        return tr("%1: exists and is not a directory").arg(target);
    const bool replace = out.exists()
        && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                                 | QDir::System);
    if (replace && !force)
        return tr("%1: not empty; --force replaces it").arg(target);
    const QString parent = out.absolutePath();
    if (!QDir().mkpath(parent))
        return tr("%1: cannot create the directory").arg(parent);

    // Everything into a directory beside the target first: a failure leaves no half set.
    QTemporaryDir temp(parent + u'/' + u'.' + out.fileName() + QStringLiteral(".import-XXXXXX"));
    if (!temp.isValid())
        return tr("%1: cannot create a temporary directory: %2").arg(parent, temp.errorString());
    for (const ImportedMigration &m : migrations) {
        const QString folder = temp.filePath(m.folder);
        if (!QDir().mkdir(folder))
            return tr("%1: cannot create the folder (twice?)").arg(folder);
        for (const auto &[name, bytes] : {std::pair{QStringLiteral("up.sql"), m.upSql},
                                          std::pair{QStringLiteral("down.sql"), m.downSql}}) {
            const QString error = writeFile(folder + u'/' + name, bytes);
            if (!error.isEmpty())
                return error;
        }
    }

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

} // namespace uaip
