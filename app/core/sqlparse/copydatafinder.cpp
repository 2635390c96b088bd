#include "copydatafinder.h"

#include "pgtokens.h"

#include "pgparsetree.h"
#include "sqlsplitter.h"

#include <QByteArrayMatcher>
#include <QScopeGuard>

#include <pg_query.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace uaip {

namespace {

// The next "stdin" (any case) at or after from, as a whole word; -1 when there is none.
qsizetype nextStdin(const QByteArray &input, qsizetype from)
{
    static const char word[] = "stdin";
    const qsizetype n = input.size();
    for (qsizetype i = from; i + 5 <= n; ++i) {
        if ((input.at(i) | 0x20) != 's')
            continue;
        bool same = true;
        for (int k = 1; k < 5 && same; ++k)
            same = std::tolower(static_cast<unsigned char>(input.at(i + k))) == word[k];
        if (!same)
            continue;
        const auto isWord = [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
        };
        if ((i > 0 && isWord(input.at(i - 1))) || (i + 5 < n && isWord(input.at(i + 5))))
            continue;
        return i;
    }
    return -1;
}

// Whether the COPY's source, the word after its first FROM outside parentheses, is the keyword
// STDIN. The typed tree cannot tell FROM STDIN from FROM '' (its filename is "" for both), so the
// tokens decide; comments are not tokens of the statement.
bool sourceIsStdinToken(const QByteArray &statement)
{
    const PgTokens tokens(statement);
    int depth = 0;
    bool afterFrom = false;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const PgQuery__Token token = tokens.at(i).token;
        if (token == PG_QUERY__TOKEN__SQL_COMMENT || token == PG_QUERY__TOKEN__C_COMMENT)
            continue;
        if (afterFrom)
            return token == PG_QUERY__TOKEN__STDIN;
        if (token == PG_QUERY__TOKEN__ASCII_40)
            ++depth;
        else if (token == PG_QUERY__TOKEN__ASCII_41)
            --depth;
        else if (token == PG_QUERY__TOKEN__FROM && depth == 0)
            afterFrom = true;
    }
    return false;
}

// Whether statement (one statement's text) is COPY ... FROM STDIN; its tree goes to *tree.
bool isCopyFromStdin(const QByteArray &statement, std::shared_ptr<const PgParseTree> *tree)
{
    *tree = std::make_shared<const PgParseTree>(PgParseTree::parse(statement));
    const QList<PgStatementNode> statements = (*tree)->statements();
    if (statements.size() != 1 || !statements.first().node
        || statements.first().node->node_case != PG_QUERY__NODE__NODE_COPY_STMT)
        return false;
    const PgQuery__CopyStmt *copy = statements.first().node->copy_stmt;
    return copy->is_from && !(copy->filename && *copy->filename) && !copy->is_program
        && sourceIsStdinToken(statement);
}

// The end of the statement's text in [from, to): trailing whitespace (PostgreSQL's scanner's:
// [ \t\n\r\f]) left out, as SqlSplitter cuts a statement's text.
int trimmedEnd(const QByteArray &text, int from, int to)
{
    const auto space
        = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
    while (to > from && space(text.at(to - 1)))
        --to;
    return to;
}

// The offset of the line "\." at or after from (a CR before its LF allowed); -1 when none.
qsizetype endMarker(const QByteArray &input, qsizetype from)
{
    qsizetype line = from;
    const qsizetype n = input.size();
    while (line < n) {
        qsizetype eol = input.indexOf('\n', line);
        if (eol < 0)
            eol = n;
        qsizetype len = eol - line;
        if (len > 0 && input.at(line + len - 1) == '\r')
            --len;
        if (len == 2 && input.at(line) == '\\' && input.at(line + 1) == '.')
            return line;
        line = eol + 1;
    }
    return -1;
}

} // namespace

QList<CopyDataBlock> CopyDataFinder::find(const QByteArray &input)
{
    QList<CopyDataBlock> blocks;
    qsizetype pos = 0; // everything before is SQL already looked at (or blanked data)
    for (qsizetype hit = nextStdin(input, 0); hit >= 0; hit = nextStdin(input, hit + 5)) {
        if (hit < pos)
            continue;
        const qsizetype semicolon = input.indexOf(';', hit);
        if (semicolon < 0)
            break;
        // The statement that ends at this ';', as PostgreSQL's scanner splits [pos, ';'].
        const QByteArray prefix = input.sliced(pos, semicolon + 1 - pos);
        PgQuerySplitResult split = pg_query_split_with_scanner(prefix.constData());
        const auto freeSplit = qScopeGuard([&split] { pg_query_free_split_result(split); });
        if (split.error || split.n_stmts == 0)
            continue; // inside a string, a comment or a body that goes on after it
        const PgQuerySplitStmt *last = split.stmts[split.n_stmts - 1];
        const int location = std::clamp(last->stmt_location, 0, int(prefix.size()));
        const int length = last->stmt_len > 0 ? last->stmt_len : int(prefix.size()) - location;
        const int statementEnd = std::min(location + length, int(prefix.size()));
        if (statementEnd != int(prefix.size()) - 1) // the ';' must end that statement
            continue;
        const int first = SqlSplitter::firstTokenOffset(prefix, location, statementEnd);
        const int textEnd = trimmedEnd(prefix, first, statementEnd);
        std::shared_ptr<const PgParseTree> tree;
        if (!isCopyFromStdin(prefix.sliced(first, textEnd - first), &tree))
            continue;
        const qsizetype eol = input.indexOf('\n', semicolon);
        const qsizetype marker = eol < 0 ? -1 : endMarker(input, eol + 1);
        if (marker < 0) { // no rows: the statement stays one without data (refused by the plan
            pos = semicolon + 1; // check, ScriptStatementRules), what follows is SQL again
            continue;
        }
        CopyDataBlock block;
        block.statementOffset = int(pos + first);
        block.statementLength = textEnd - first;
        block.tree = std::move(tree);
        block.start = int(eol + 1);
        block.end = int(marker);
        blocks << block;
        qsizetype after = input.indexOf('\n', marker);
        after = after < 0 ? input.size() : after;
        pos = after;
        hit = after - 5 >= 0 ? after - 5 : 0;
    }
    return blocks;
}

QList<CopyDataBlock> CopyDataFinder::blank(QByteArray &input)
{
    const QList<CopyDataBlock> blocks = find(input);
    for (const CopyDataBlock &block : blocks) {
        qsizetype after = input.indexOf('\n', block.end);
        after = after < 0 ? input.size() : after;
        for (qsizetype i = block.start; i < after; ++i)
            if (input.at(i) != '\n' && input.at(i) != '\r')
                input[i] = ' ';
    }
    return blocks;
}

} // namespace uaip
