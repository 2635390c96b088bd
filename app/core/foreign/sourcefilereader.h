#pragma once

#include "error/result.h"
#include "error/status.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace uaip {

// Reads another tool's migration files for import-migrations, only from inside the source
// directory: a path with a symbolic link on it that leads outside is refused naming the link (its
// path inside the source directory, never its target: nothing outside is listed, read or even
// looked up, linkOut()), as is anything but a regular file (a FIFO, a device) and a file over
// kMaxBytes, each with "file:1: why". The checks that decide are made on the opened descriptor
// (O_NOFOLLOW, O_NONBLOCK, fstat), so a file swapped between the path check and the open is not
// read. Text is UTF-8 with a leading byte order mark dropped.
class SourceFileReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SourceFileReader)

public:
    static constexpr qint64 kMaxBytes = qint64(64) * 1024 * 1024; // 64 MiB per file

    explicit SourceFileReader(const QString &root);

    // The file's bytes as they are, or the Error ("file:1: why"; arg "path" = relative): Refused
    // for a link leading out or not a regular file, NotFound, Io, BadInput when too big.
    Result<QByteArray> bytes(const QString &relative) const;
    // The file's text (UTF-8, its BOM dropped), or the Error (BadInput when not UTF-8).
    Result<QString> text(const QString &relative) const;
    // The path inside the source directory of the first symbolic link on relative's way (relative
    // itself included) that leads outside it; empty when none does. Each link's target is read
    // (readlink) and followed name by name only while it stays inside: nothing outside the
    // source directory is looked at. A loop of links counts as leading out.
    QString linkOut(const QString &relative) const;
    // The root as the file system resolves it; empty when it does not exist.
    QString canonicalRoot() const { return m_root; }
    // Tests only: called with the resolved path after it was checked, before it is opened (to
    // swap the file in that window).
    void setBeforeOpen(std::function<void(const QString &)> hook)
    {
        m_beforeOpen = std::move(hook);
    }

private:
    // The steps of bytes(): the path checked, then the file opened checked.
    Result<QString> checkedPath(const QString &relative) const;
    Status checkOpened(int fd, const QString &relative) const;
    // An Error about relative (arg "path").
    static Error failure(const QString &relative, ErrorCode code, const QString &text);
    // The rest of the opened file fd, refused once over kMaxBytes.
    static Result<QByteArray> readAll(int fd, const QString &relative);

    QString m_dir; // as given
    QString m_root; // canonical
    std::function<void(const QString &)> m_beforeOpen;
};

} // namespace uaip
