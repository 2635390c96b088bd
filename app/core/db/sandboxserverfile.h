#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace uaip {

// A file the sandbox's server writes (data/PG_VERSION, data/postmaster.pid, log/server.log),
// read through open folders from the sandbox's root, never along a link nor from a FIFO, and only
// when it is a regular file of the server's OS user (SandboxServerUser; the invoking user when
// not root): a file that user could not have written is not read.
class SandboxServerFile
{
public:
    // At most maxBytes of folder/name under root (the last ones when tail); none when it cannot
    // be read so.
    static std::optional<QByteArray> read(const QString &root, const QString &folder,
                                          const QString &name, qint64 maxBytes, bool tail = false);
};

} // namespace uaip
