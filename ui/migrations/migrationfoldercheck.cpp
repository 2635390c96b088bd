#include "migrationfoldercheck.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace uaip {

namespace {

// Each entry of dir by name, in name order: a file's content, a folder's entries (one level:
// a migration's folder holds its scripts).
void addFolder(QCryptographicHash &hash, const QString &dir, bool descend)
{
    const QFileInfoList entries
        = QDir(dir).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &entry : entries) {
        hash.addData(QFile::encodeName(entry.fileName()));
        if (entry.isDir()) {
            hash.addData(QByteArrayView("/\n"));
            if (descend)
                addFolder(hash, entry.filePath(), false);
            hash.addData(QByteArrayView("\\\n"));
            continue;
        }
        QFile file(entry.filePath());
        // a file that cannot be read counts by its size: reading the folder reports it
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
            hash.addData(QByteArray::number(entry.size()).append('?'));
        hash.addData(QByteArrayView("\n"));
    }
}

} // namespace

void MigrationFolderCheck::take(const QString &dir)
{
    m_dir = dir;
    m_checksum = checksum(dir);
}

bool MigrationFolderCheck::changed() const
{
    return !m_dir.isEmpty() && checksum(m_dir) != m_checksum;
}

QByteArray MigrationFolderCheck::checksum(const QString &dir)
{
    if (dir.startsWith(u':'))
        return {}; // the bundled migrations: part of the program
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addFolder(hash, dir, true);
    return hash.result();
}

} // namespace uaip
