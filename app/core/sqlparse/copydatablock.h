#pragma once

namespace uaip {

// psql-style inline data of one COPY ... FROM STDIN in a SQL file: the rows from the line after
// the statement up to (not including) the line "\.", as byte offsets into the file.
struct CopyDataBlock
{
    int statementOffset = 0; // first token of the COPY statement
    int start = 0; // first byte of the first row
    int end = 0; // one past the last row's line break: the "\." line starts here
};

} // namespace uaip
