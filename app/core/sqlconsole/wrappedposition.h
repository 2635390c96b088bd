#pragma once

#include "error/error.h"

#include <QByteArray>

namespace uaip {

// The server's position of an error (PgError::statementPosition: 1-based, in characters of
// the text it was sent) in a statement the console sent inside a text of its own (DECLARE ...
// CURSOR FOR, CREATE TEMP VIEW ... AS SELECT FROM (...), EXPLAIN), moved to the user's own
// statement: the position less the characters put before it, or none where it falls outside
// the statement (on the wrapper's own words) or the server gave none.
class WrappedPosition
{
public:
    // error with its server position less prefixChars (negative: moved on), none unless the
    // result lies in 1..lengthChars (lengthChars < 0: no end); its code, text and args kept.
    static Error unwrapped(const Error &error, int prefixChars, int lengthChars = -1);
    // The characters of a UTF-8 text (as the server counts a position: code points).
    static int chars(const QByteArray &utf8);
};

} // namespace uaip
