#include "sourcefilereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace uaip {

namespace {

QString where(const QString &file)
{
    return file + QStringLiteral(":1");
}

} // namespace

SourceFileReader::SourceFileReader(const QString &root)
    : m_dir(root)
    , m_root(QFileInfo(root).canonicalFilePath())
{ }

std::optional<QByteArray> SourceFileReader::bytes(const QString &relative, QString *problem) const
{
    const QFileInfo info(QDir(m_dir).filePath(relative));
    // every symbolic link on the way resolved: the file must still be below the root
    const QString real = info.canonicalFilePath();
    if (real.isEmpty()) {
        *problem = tr("%1: cannot read it: it does not exist (a broken symbolic link?)")
                       .arg(where(relative));
        return std::nullopt;
    }
    if (m_root.isEmpty() || !real.startsWith(m_root + u'/')) {
        *problem = tr("%1: a symbolic link to %2, outside the source directory: not read")
                       .arg(where(relative), real);
        return std::nullopt;
    }
    const QFileInfo target(real);
    if (!target.isFile()) {
        *problem = tr("%1: not a regular file: not read").arg(where(relative));
        return std::nullopt;
    }
    if (target.size() > kMaxBytes) {
        *problem = tr("%1: %2 bytes: larger than the %3 MiB a migration file may have")
                       .arg(where(relative))
                       .arg(target.size())
                       .arg(kMaxBytes / (1024 * 1024));
        return std::nullopt;
    }
    QFile f(real);
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = tr("%1: cannot read it: %2").arg(where(relative), f.errorString());
        return std::nullopt;
    }
    // at most one byte more than allowed, whatever the size said (a file still growing)
    QByteArray out = f.read(kMaxBytes + 1);
    if (out.size() > kMaxBytes) {
        *problem = tr("%1: larger than the %2 MiB a migration file may have")
                       .arg(where(relative))
                       .arg(kMaxBytes / (1024 * 1024));
        return std::nullopt;
    }
    if (f.error() != QFileDevice::NoError) {
        *problem = tr("%1: cannot read it: %2").arg(where(relative), f.errorString());
        return std::nullopt;
    }
    return out;
}

std::optional<QString> SourceFileReader::text(const QString &relative, QString *problem) const
{
    std::optional<QByteArray> raw = bytes(relative, problem);
    if (!raw)
        return std::nullopt;
    if (raw->startsWith("\xEF\xBB\xBF"))
        raw->remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(*raw);
    if (decoder.hasError()) {
        *problem = tr("%1: not UTF-8 text").arg(where(relative));
        return std::nullopt;
    }
    return text;
}

} // namespace uaip
