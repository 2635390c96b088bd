#pragma once

#include "copydatablock.h"

#include <QByteArray>
#include <QList>

namespace uaip {

// Finds the inline data of psql-style `COPY ... FROM STDIN;` statements (the format pg_dump
// writes: the rows on the lines after the statement, ended by a line "\.") so that the parser
// never sees it: blank() turns every data byte but the line breaks into a space, so offsets and
// line numbers of the rest stay as they were, and returns where each block was. A statement is
// taken for such a COPY only when PostgreSQL's scanner and parser say so (not inside a string,
// a comment or a function body). A COPY ... FROM STDIN without a "\." line after it gets no
// block: it stays a statement without data, which the plan check refuses.
class CopyDataFinder
{
public:
    static QList<CopyDataBlock> blank(QByteArray &input);
    // The same blocks, input left as it is (the "\." line of a block ends before the first
    // line break at or after its end).
    static QList<CopyDataBlock> find(const QByteArray &input);
};

} // namespace uaip
