#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// SHA-256 (hex) of a migration file with CRLF folded to LF, so a checkout on Windows
// does not look "modified".
class Checksum
{
public:
    static QString of(const QByteArray &content);
};

} // namespace uaip
