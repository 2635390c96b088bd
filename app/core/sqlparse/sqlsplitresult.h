#pragma once

#include "sqlstatement.h"
#include "sqlsyntaxerror.h"

#include <QList>

#include <optional>

namespace uaip {

// One statement of SqlSplitResult::scanned that the console's parser cannot read.
struct UncheckedStatement
{
    qsizetype index = -1; // in scanned
    SqlSyntaxError error; // the parser's, placed in the file
};

// What SqlSplitter::split returns: the statements, or the syntax error that stopped it
// (then statements is empty).
struct SqlSplitResult
{
    QList<SqlStatement> statements;
    std::optional<SqlSyntaxError> error;
    // When the parser refused the text: its statements as psql splits them
    // (ScannerStatementSpans), and those among them the parser cannot read each alone. A server
    // newer than the parser may accept them (its syntax is newer): admitted() runs them as
    // written. Empty when error is not the parser's (input the splitter refuses, a nesting too
    // deep) or the scanner cannot split the text either.
    QList<SqlStatement> scanned;
    QList<UncheckedStatement> scannedUnchecked; // indexes in scanned
    // Of an admitted split only (then ok()): the statements the parser cannot read, indexes in
    // statements. Every reader says it could not check them.
    QList<UncheckedStatement> unchecked;

    bool ok() const { return !error.has_value(); }
    // Whether admitted() has statements to run: the parser refused the text, and only where
    // the scanner split it.
    bool admissible() const { return error.has_value() && !scanned.isEmpty(); }
    // The split for a server whose syntax is newer than the parser's: the scanned statements as
    // the statements, no error, unchecked kept (each reader says what it could not check).
    SqlSplitResult admitted() const
    {
        if (!admissible())
            return *this;
        SqlSplitResult out;
        out.statements = scanned;
        out.unchecked = scannedUnchecked;
        return out;
    }
};

} // namespace uaip
