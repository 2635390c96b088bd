#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// SHA-256 (hex) of a migration file with CRLF folded to LF and a leading UTF-8 byte order mark
// left out, so a checkout on Windows or an editor that adds a BOM does not look "modified":
// neither changes what the server runs. Computed a piece at a time, without a copy of the file.
class Checksum
{
public:
    static QString of(const QByteArray &content);

    // What ledgers written before the BOM was left out hold for a file that starts with one
    // (the BOM hashed with the rest); empty for a file without a BOM.
    static QString withByteOrderMark(const QByteArray &content);
};

} // namespace uaip
