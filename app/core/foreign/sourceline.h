#pragma once

#include <QString>

namespace uaip {

// Lines of a tool's migration file as import-migrations names them in its problems: the line
// of a position in the text, and "file:line".
class SourceLine
{
public:
    // The line (from 1) of the character at pos.
    static int at(const QString &text, qsizetype pos);
    // "file:line".
    static QString where(const QString &file, int line);
};

} // namespace uaip
