#pragma once

#include <QString>

namespace uaip {

// SQL text as it may be printed to a terminal and still be run as it is (uaip-migrate ddl): a
// name or text from the database may hold ESC, BEL, a lone CR or a bidirectional override, which
// a terminal acts on. Every such character (a control or format character other than a line
// feed and a tab: a CR too, even a CRLF's) is written as an escape that PostgreSQL reads back as
// the same character: in a quoted identifier as U&"…\XXXX…", in a string constant as E'…\xNN…' or
// E'…\uXXXX…' (a '…' or dollar-quoted string, a function's body too, is written as such an E''
// string), in a comment (which means nothing) as \uXXXX. The tokens are libpg_query's, as the
// server scans them. Text without such a character is returned as it is.
class VisibleSql
{
public:
    struct Printable
    {
        QString text;
        bool escaped = false; // text differs from the input
        // false: a control character stands where no escape keeps the text's meaning (between
        // tokens, in a U& or N'' literal) or the text does not scan; text is then the input
        // with VisibleText::escapedKeepingLines's escapes, safe to print but not to run.
        bool valid = true;
    };

    static Printable of(const QString &sql);
    // Whether a terminal would act on c, the character at i of text (a line feed and a tab are
    // the text's layout; a CR is not, even before a line feed).
    static bool acts(const QString &text, qsizetype i);
    static bool anyActs(const QString &text);

private:
    // One token's text with its control characters escaped; empty when it has no escape.
    static QString quotedIdentifier(const QString &token);
    static QString extendedString(const QString &token);
    static QString plainString(const QString &token);
    static QString dollarString(const QString &token);
    static QString comment(const QString &token);
    // A string's value as the body of an E'' literal (quote, backslash and control characters
    // escaped).
    static QString extendedBody(const QString &value);
    static QString escape(char32_t c, bool identifier);
};

} // namespace uaip
