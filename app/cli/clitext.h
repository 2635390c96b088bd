#pragma once

#include <QString>

namespace uaip {

// Text of the command line's lists: a value cut to its column, a size.
class CliText
{
public:
    // text on one line (runs of white space as one space, other control characters written
    // visibly: printable()), cut to max characters with "…".
    static QString oneLine(const QString &text, int max);
    // text with its line breaks and other control characters written visibly
    // (VisibleText::escaped: \n, \r, \t, \u001b): a name from the database never starts a line
    // of its own in a listing.
    static QString printable(const QString &text);
    // The same but for line breaks (LF, CRLF) and tabs, which stay: what CliOutput makes of every
    // text it writes (VisibleText::escapedKeepingLines: a text's own lines kept; an ESC, CR, DEL,
    // bidirectional override ... from a name or a server's message never reaches the terminal).
    static QString keepingLines(const QString &text);
    // bytes as "1.2 MB" (the C locale: the same in every language).
    static QString size(qint64 bytes);
};

} // namespace uaip
