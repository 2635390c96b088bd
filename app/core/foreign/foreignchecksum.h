#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// The checksums other tools record of a migration file, computed as each tool computes them,
// so adopt can tell whether a folder's up.sql is the file the tool ran:
//   Flyway   CRC-32 of the file's lines, each without its line break (\n, \r\n or \r) and the
//            first without a byte order mark, as a signed 32-bit integer (ChecksumCalculator);
//            line breaks therefore do not count
//   Prisma   SHA-256 of migration.sql as hex; a file matches with its line breaks as they are,
//            CRLF as LF or LF as CRLF, and in the old unpadded hex of early Prisma versions
//            (script_matches_checksum)
//   sqlx     SHA-384 of the up file's bytes as they are (a byte order mark too), recorded as
//            bytea and read as lowercase hex (migration.rs checksum(); its ignored_chars
//            option, off by default, is not followed: such a checksum is a mismatch)
class ForeignChecksum
{
public:
    enum class Kind { None, FlywayCrc32, PrismaSha256, SqlxSha384 };

    static qint32 flyway(const QByteArray &file);
    static QString prisma(const QByteArray &file);
    static QString sqlx(const QByteArray &file); // lowercase hex
    // Whether the tool's recorded checksum is this file's (body: the file as the tool read it).
    static bool matches(Kind kind, const QByteArray &body, const QString &recorded);
    // What adopt compares: the body of an up.sql (import-migrations' header left out), or the
    // tool's checksum the header keeps where the body was changed (matched as recorded).
    static bool folderMatches(Kind kind, const QByteArray &upSql, const QString &recorded);
    // The checksum of the folder's up.sql as the tool computes it, for messages.
    static QString ofFolder(Kind kind, const QByteArray &upSql);
    // The checksum the tool records of a file (empty for Kind::None).
    static QString of(Kind kind, const QByteArray &file);
};

} // namespace uaip
