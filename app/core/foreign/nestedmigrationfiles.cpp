#include "nestedmigrationfiles.h"

#include <QDir>
#include <QDirIterator>

#include <algorithm>

namespace uaip {

QStringList NestedMigrationFiles::find(const QString &dir,
                                       const QList<QRegularExpression> &patterns,
                                       const QList<QRegularExpression> &exclude)
{
    const auto matchesAny = [](const QList<QRegularExpression> &list, const QString &name) {
        return std::any_of(list.cbegin(), list.cend(),
                           [&](const QRegularExpression &x) { return x.match(name).hasMatch(); });
    };
    QStringList out;
    const QDir root(dir);
    // symbolic links are not followed, a linked subdirectory's not either: nothing outside the
    // directory is listed (a link out would list its target's file names in the problems)
    for (const QString &sub :
         root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks)) {
        if (matchesAny(exclude, sub))
            continue;
        QDirIterator it(root.filePath(sub), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            if (matchesAny(patterns, it.fileName()))
                out << root.relativeFilePath(it.filePath());
        }
    }
    out.sort();
    return out;
}

} // namespace uaip
