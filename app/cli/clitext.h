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
    // text with its line breaks and other control characters written visibly (\n, \r, \t,
    // \x1b): a name from the database never starts a line of its own in a listing.
    static QString printable(const QString &text);
    // bytes as "1.2 MB" (the C locale: the same in every language).
    static QString size(qint64 bytes);
};

} // namespace uaip
