#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// Whether a migrations folder still holds what the Migrations view read from it: a checksum of
// the folder (every entry's name, and the content of every file in it and in its subfolders:
// each VERSION_name/up.sql and down.sql), taken just before the folder is read. A migration
// added or removed, or a script edited on disk, changes it; the view then reads the folder
// again (on Refresh, and before every forecast and run). The bundled ":/migrations" is part of
// the program and never changes.
class MigrationFolderCheck
{
public:
    // Remembers dir's checksum as it is now (before dir is read).
    void take(const QString &dir);
    // Whether the folder last taken no longer matches its checksum.
    bool changed() const;
    // The folder's names and files, hashed (SHA-256); hidden entries (an editor's swap file)
    // are left out, as the folder's reader leaves them out.
    static QByteArray checksum(const QString &dir);

private:
    QString m_dir;
    QByteArray m_checksum;
};

} // namespace uaip
