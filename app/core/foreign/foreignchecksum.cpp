#include "foreignchecksum.h"

#include "importheader.h"

#include <QCryptographicHash>

#include <array>

namespace uaip {

namespace {

// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as java.util.zip.CRC32.
const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    return table;
}

quint32 crcUpdate(quint32 crc, const char *data, qsizetype size)
{
    const auto &t = crcTable();
    crc = ~crc;
    for (qsizetype i = 0; i < size; ++i)
        crc = t[(crc ^ static_cast<quint8>(data[i])) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

QString sha256Hex(const QByteArray &bytes, bool padded)
{
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    if (padded)
        return QString::fromLatin1(digest.toHex());
    QString out; // Prisma before 2.17: each byte as {:x}, without its leading zero
    for (const char c : digest)
        out += QString::number(static_cast<quint8>(c), 16);
    return out;
}

// An import's body still as the import wrote it, where its header says what that was (an import
// without the body's checksum: as before, the source checksum stands).
bool bodyUnchanged(const ImportHeader &header, const QByteArray &body)
{
    const QString expected = header.bodyChecksum();
    return expected.isEmpty()
        || QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex())
        == expected;
}

} // namespace

qint32 ForeignChecksum::flyway(const QByteArray &file)
{
    // BufferedReader.readLine(): lines end at \n, \r\n or \r; the terminators are not hashed
    QByteArray text = file;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3); // BomFilter on the first line
    quint32 crc = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text.at(i) != '\n' && text.at(i) != '\r')
            continue;
        crc = crcUpdate(crc, text.constData() + start, i - start);
        if (i < text.size() && text.at(i) == '\r' && i + 1 < text.size() && text.at(i + 1) == '\n')
            ++i;
        start = i + 1;
    }
    return static_cast<qint32>(crc);
}

QString ForeignChecksum::prisma(const QByteArray &file)
{
    return sha256Hex(file, true);
}

QString ForeignChecksum::sqlx(const QByteArray &file)
{
    return QString::fromLatin1(QCryptographicHash::hash(file, QCryptographicHash::Sha384).toHex());
}

bool ForeignChecksum::matches(Kind kind, const QByteArray &body, const QString &recorded)
{
    switch (kind) {
    case Kind::None:
        return true;
    case Kind::FlywayCrc32:
        return QString::number(flyway(body)) == recorded.trimmed();
    case Kind::PrismaSha256: {
        const bool padded = recorded.isEmpty() || recorded.size() == 64;
        QByteArray lf = body;
        lf.replace("\r\n", "\n");
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        // the importer drops a byte order mark; Prisma read it as part of the text
        for (const QByteArray &variant : {body, lf, crlf})
            for (const QByteArray &candidate : {variant, QByteArray("\xEF\xBB\xBF") + variant})
                if (sha256Hex(candidate, padded) == recorded)
                    return true;
        return false;
    }
    case Kind::SqlxSha384: {
        // the importer drops a byte order mark; sqlx hashed it with the rest
        const QString hex = recorded.trimmed().toLower();
        return sqlx(body) == hex || sqlx(QByteArray("\xEF\xBB\xBF") + body) == hex;
    }
    }
    return false;
}

bool ForeignChecksum::folderMatches(Kind kind, const QByteArray &upSql, const QString &recorded)
{
    QByteArray body;
    const ImportHeader header = ImportHeader::parse(upSql, &body);
    if (const QString kept = header.sourceChecksum();
        !kept.isEmpty() && bodyUnchanged(header, body))
        return kept == recorded.trimmed();
    return matches(kind, body, recorded);
}

QString ForeignChecksum::ofFolder(Kind kind, const QByteArray &upSql)
{
    QByteArray body;
    const ImportHeader header = ImportHeader::parse(upSql, &body);
    if (const QString kept = header.sourceChecksum();
        !kept.isEmpty() && bodyUnchanged(header, body))
        return kept;
    return of(kind, body);
}

QString ForeignChecksum::of(Kind kind, const QByteArray &file)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::FlywayCrc32:
        return QString::number(flyway(file));
    case Kind::PrismaSha256:
        return prisma(file);
    case Kind::SqlxSha384:
        return sqlx(file);
    }
    return {};
}

} // namespace uaip
