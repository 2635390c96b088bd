#pragma once

#include <QString>

namespace uaip {

// Text of the command line's lists: a value cut to its column, a size.
class CliText
{
public:
    // text on one line (runs of white space as one space), cut to max characters with "…".
    static QString oneLine(const QString &text, int max);
    // bytes as "1.2 MB" (the C locale: the same in every language).
    static QString size(qint64 bytes);
};

} // namespace uaip
