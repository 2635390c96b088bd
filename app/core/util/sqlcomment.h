#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// Text that goes into "--" comments of generated SQL: notes, reasons, headers, commented-out
// statements. They may hold names (a quoted identifier can hold any character but NUL) and
// file names, and a name must never end the comment: what follows would run.
//
// PostgreSQL's lexer (src/backend/parser/scan.l; psql's psqlscan.l alike) ends a "--" comment
// at LF or CR and at nothing else: `comment ("--"{non_newline}*)`, `non_newline [^\n\r]`. So
// CR and LF are what must never reach a comment line, and they never do: text() escapes them,
// lines() splits at them. The other characters an editor or a terminal may show as a line
// break or act on (VT, FF, NEL U+0085, U+2028, U+2029, ESC and the other control characters,
// bidirectional overrides) cannot end a comment for PostgreSQL; text() escapes them too, so a
// note reads as it parses.
//
// A comment line is also where MigrationDirectives reads "-- uaip:no-transaction" and
// "-- uaip:lock-timeout=…": a line we write whose text would read as one (a name or a
// function body line that starts with "uaip:") gets "--| " instead of "-- ".
class SqlComment
{
public:
    // One line of comment text: CR as "\r", LF as "\n", and every other control, line or
    // paragraph separator or bidirectional formatting character as "\uXXXX".
    static QString text(const QString &text);

    // The pieces of a multi-line text (a header, a statement) between the sequences PostgreSQL
    // ends a line with (CRLF, CR, LF). No piece holds CR or LF; nothing else is changed.
    static QStringList lines(const QString &text);

    // One comment line: "-- " + text ("--" when empty; "--| " when it would read as a uaip:
    // directive). A CR or LF in text is escaped as text() does.
    static QString line(const QString &text);

    // A statement commented out: line() of each of lines(sql), joined with LF. Uncommented
    // (the "-- " taken off each line) it is the statement, except that a CR or LF inside one
    // of its names or strings comes back as a line break (LF).
    static QString commentedOut(const QString &sql);
};

} // namespace uaip
