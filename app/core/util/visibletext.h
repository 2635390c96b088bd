#pragma once

#include <QString>

namespace uaip {

// Text from data (a name, a value, a server's words) as it may be printed to a terminal or a
// log, the one place that decides it: LF as \n, CR as \r, tab as \t, any other control character
// (C0, DEL, C1) and each bidirectional control (U+202A..U+202E, U+2066..U+2069: they reorder what
// follows) as \uXXXX; everything else as it is, other format characters too (a joiner in an
// emoji or a Persian word, a soft hyphen, LRM/RLM marks reorder nothing).
class VisibleText
{
public:
    static bool hasControl(const QString &text);
    static QString escaped(const QString &text);
    // The same for a text with a layout of its own (generated SQL, the CLI's lines): its line
    // breaks (LF, CRLF) and tabs kept, every other such character escaped (a lone CR as \r).
    static QString escapedKeepingLines(const QString &text);
    // Whether escaped() shows the character c escaped.
    static bool isControl(char32_t c);
    // The character c as escaped() writes it (\n, \r, \t, else \u and four hex digits).
    static QString escapedChar(char32_t c);

private:
    static QString escapedExcept(const QString &text, bool keepLines);
};

} // namespace uaip
