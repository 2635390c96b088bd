#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace uaip {

// The comment lines import-migrations writes at the top of a converted up.sql or down.sql, and
// how to find the tool's file again below them (ForeignChecksum compares what the tool
// recorded with it):
//
//   -- Imported from Flyway V1__init.sql by uaip-migrate import-migrations.
//   -- uaip:no-transaction                                  (the tool ran it outside one)
//   -- import-migrations: <a note, one line>                (any number)
//   <the tool's file, byte for byte, or as a note says it was changed>
//
// Every text put on a line (file names, notes) has its line breaks (\n, \r) replaced, so no
// name can end the comment.
struct ImportHeader
{
    QString toolName; // Flyway
    QString file; // V1__init.sql
    bool noTransaction = false;
    QStringList notes;

    static inline const QByteArray kNotePrefix = "-- import-migrations: ";

    QByteArray render() const;
    // The tool's checksum of its file as a note keeps it, where the body below differs from the
    // file (Flyway placeholders replaced): "source checksum <value> (...)"; empty when none.
    QString sourceChecksum() const;
    static QString sourceChecksumNote(const QString &value, const QString &why);
    // The SHA-256 (hex) the body below had when the import wrote it, kept beside the source
    // checksum: "body sha256 <hex> (...)"; empty when none (imports before it).
    QString bodyChecksum() const;
    static QString bodyChecksumNote(const QByteArray &body);
    // The header and body of a file import-migrations wrote; a file without the header is all
    // body.
    static ImportHeader parse(const QByteArray &sql, QByteArray *body);
    // A text as one comment line can hold it: \r and \n as '?'.
    static QString oneLine(QString text);
};

} // namespace uaip
