#include "scannerstatementspans.h"

#include "pgtokens.h"
#include "sqlsyntaxchecker.h"

#include <pg_query.h>

#include <QScopeGuard>

#include <array>

namespace uaip {

namespace {

// Where psql stands in one statement: the first words that tell a function's or a procedure's
// definition (CREATE [OR REPLACE] FUNCTION|PROCEDURE), the parentheses and the BEGIN ... END
// blocks open.
struct StatementState
{
    std::array<char, 4> words{}; // the first letter of the statement's first four words, if known
    int wordCount = 0;
    int parens = 0;
    int blocks = 0;

    bool definesRoutine() const
    {
        return words[0] == 'c'
            && (words[1] == 'f' || words[1] == 'p'
                || (words[1] == 'o' && words[2] == 'r' && (words[3] == 'f' || words[3] == 'p')));
    }

    // A word outside quotes: an identifier or a keyword as written.
    void word(QByteArrayView text)
    {
        static constexpr std::array<const char *, 5> kTracked{"create", "function", "procedure",
                                                              "or", "replace"};
        for (const char *tracked : kTracked)
            if (wordCount < int(words.size()) && text.compare(tracked, Qt::CaseInsensitive) == 0)
                words[std::size_t(wordCount)] = tracked[0];
        ++wordCount;
        if (!definesRoutine() || parens != 0)
            return;
        if (text.compare("begin", Qt::CaseInsensitive) == 0)
            ++blocks;
        else if (text.compare("case", Qt::CaseInsensitive) == 0 && blocks > 0)
            ++blocks;
        else if (text.compare("end", Qt::CaseInsensitive) == 0 && blocks > 0)
            --blocks;
    }
};

bool isComment(int token)
{
    return token == PG_QUERY__TOKEN__SQL_COMMENT || token == PG_QUERY__TOKEN__C_COMMENT;
}

// A word psql counts: an unquoted identifier or a keyword (not a quoted name, whose token is
// IDENT too).
bool isWord(const PgQuery__ScanToken &t, QByteArrayView text)
{
    return (t.token == PG_QUERY__TOKEN__IDENT
            || t.keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD)
        && !text.isEmpty() && text.front() != '"' && !text.startsWith("U&")
        && !text.startsWith("u&");
}

} // namespace

StatementSpansResult ScannerStatementSpans::find(const QByteArray &sql, qsizetype begin,
                                                 qsizetype end)
{
    StatementSpansResult result;
    const qsizetype from = std::clamp<qsizetype>(begin, 0, sql.size());
    const qsizetype to = std::clamp<qsizetype>(end, from, sql.size());
    const QByteArray part = sql.sliced(from, to - from); // NUL-terminated copy
    const PgTokens tokens(part);
    if (!tokens.ok()) { // scanned again for the scanner's words and place
        PgQueryScanResult scan = pg_query_scan(part.constData());
        const auto freeScan = qScopeGuard([&scan] { pg_query_free_scan_result(scan); });
        result.error
            = SqlSyntaxChecker::errorInPart(sql, from, part,
                                            scan.error ? QString::fromUtf8(scan.error->message)
                                                       : QStringLiteral("cannot be scanned"),
                                            scan.error ? scan.error->cursorpos : 0);
        return result;
    }
    StatementState state;
    int start = 0;
    bool any = false; // a token other than a comment since the last ';'
    for (size_t i = 0; i < tokens.size(); ++i) {
        const PgQuery__ScanToken &t = tokens.at(i);
        if (isComment(t.token))
            continue;
        const QByteArrayView text(part.constData() + t.start, t.end - t.start);
        if (t.token == PG_QUERY__TOKEN__ASCII_59 && state.parens == 0 && state.blocks == 0) {
            if (any)
                result.spans.append({int(from) + start, int(from) + t.start});
            start = t.end;
            state = StatementState();
            any = false;
            continue;
        }
        any = true;
        if (t.token == PG_QUERY__TOKEN__ASCII_40)
            ++state.parens;
        else if (t.token == PG_QUERY__TOKEN__ASCII_41)
            state.parens = std::max(state.parens - 1, 0);
        else if (isWord(t, text))
            state.word(text);
    }
    if (any)
        result.spans.append({int(from) + start, int(to)});
    return result;
}

} // namespace uaip
