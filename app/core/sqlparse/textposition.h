#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// A place in a text file as an editor shows it: 1-based line and 1-based column, where the
// column counts Unicode characters (code points), not bytes. Lines end at '\n' or a lone '\r', so
// CRLF and CR-only files count the same as LF files. A UTF-8 byte order mark at the start of the
// file is not counted.
struct TextPosition
{
    int line = 1;
    int column = 1;

    // Position of the byte at byteOffset in a UTF-8 text. An offset inside a multi-byte
    // character points at that character; an offset past the end clamps to the end, a
    // negative one to the start.
    static TextPosition fromOffset(const QByteArray &utf8, int byteOffset);

    // The same, but resumes counting from a position already known for an earlier offset, so
    // walking forward through a large file stays linear. Falls back to counting from the start
    // when knownOffset is not at or before byteOffset.
    static TextPosition fromOffset(const QByteArray &utf8, int byteOffset, int knownOffset,
                                   TextPosition knownPosition);

    // "line:column", as printed in file:line:col diagnostics.
    QString toString() const;

    friend bool operator==(const TextPosition &, const TextPosition &) = default;
};

} // namespace uaip
