#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace uaip::test {

// A temporary folder of migrations written by a test: add("0001_users", up, down).
class MigrationFolder
{
public:
    MigrationFolder();
    QString path() const { return m_dir.path(); }
    // Writes <folder>/up.sql and, unless down is null, <folder>/down.sql.
    void add(const QString &folder, const QByteArray &up, const QByteArray &down = QByteArray());
    void write(const QString &relativePath, const QByteArray &content);

private:
    QTemporaryDir m_dir;
};

} // namespace uaip::test
