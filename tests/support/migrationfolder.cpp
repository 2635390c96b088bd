#include "migrationfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace uaip::test {

MigrationFolder::MigrationFolder()
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary migrations folder");
    // Other users (the runuser-based tests) may need to enter it.
    QFile::setPermissions(m_dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                              | QFileDevice::ReadOther | QFileDevice::ExeOther);
}

void MigrationFolder::write(const QString &relativePath, const QByteArray &content)
{
    const QString file = m_dir.filePath(relativePath);
    QDir().mkpath(QFileInfo(file).path());
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(file));
    f.write(content);
}

void MigrationFolder::add(const QString &folder, const QByteArray &up, const QByteArray &down)
{
    write(folder + QStringLiteral("/up.sql"), up);
    if (!down.isNull())
        write(folder + QStringLiteral("/down.sql"), down);
}

} // namespace uaip::test
