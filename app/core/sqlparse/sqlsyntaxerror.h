#pragma once

#include "textposition.h"

#include <QString>

namespace uaip {

// A statement PostgreSQL's parser rejects, e.g. "syntax error at or near \"FRO\"" at 7:12.
struct SqlSyntaxError
{
    QString message; // the parser's message, as the server would word it
    int offset = 0; // byte offset in the file (the file size for "at end of input")
    TextPosition position; // line:column of offset

    // "7:12: syntax error at or near ..." — prefix it with the file name for file:line:col.
    QString toString() const { return position.toString() + QStringLiteral(": ") + message; }
};

} // namespace uaip
