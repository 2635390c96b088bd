#pragma once

#include <QString>

namespace uaip {

// A name (role, database, host, fleet target) as it may be printed to a terminal or a log:
// LF as \n, CR as \r, any other control or format character (ESC, bidirectional overrides, …)
// as \uXXXX; everything else as it is.
class VisibleText
{
public:
    static bool hasControl(const QString &text);
    static QString escaped(const QString &text);
    // The same for a text with a layout of its own (generated SQL): its line breaks and tabs
    // kept, every other control or format character escaped (CR as \r).
    static QString escapedKeepingLines(const QString &text);

private:
    static QString escapedExcept(const QString &text, bool keepLines);
};

} // namespace uaip
