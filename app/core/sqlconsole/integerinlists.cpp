#include "integerinlists.h"

#include "sqlparse/pgtreewalk.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace uaip {

namespace {

// PostgreSQL's scanner's white space (no \v before PostgreSQL 16).
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A byte that can be part of an identifier or keyword (PostgreSQL's ident_cont, and any byte of a
// multibyte character).
bool isIdentifier(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return isDigit(c) || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '_' || c == '$'
        || u >= 0x80;
}

// Reads the text of one candidate list from a '(' on, byte by byte: the grammar it accepts is
// '(' S E (S ',' S E)* S ')' with S white space and comments (a block comment holding no "/*",
// a line comment) and E an integer constant of int4 ([-] S digits, at most 2147483647). What it
// accepts is a list only where the parser says so (confirmedBy()). It reads no further than
// limit (the bytes left of the statement's budget: a text of many candidates inside quoted
// texts or comments, each read to the end, would take a time growing with its square).
class ListReader
{
public:
    ListReader(const QByteArray &text, qsizetype at, qsizetype limit)
        : m_data(text.constData())
        , m_size(std::min(text.size(), limit))
        , m_at(at)
    { }

    // The places of the constants of the list whose '(' is at the start (then at() is its ')');
    // empty when the text there is not such a list.
    QList<int> constants()
    {
        QList<int> starts;
        ++m_at; // '('
        for (;;) {
            skip();
            const qsizetype start = m_at;
            if (!constant())
                return {};
            starts << int(start);
            skip();
            if (m_at >= m_size)
                return {};
            if (m_data[m_at] == ')')
                return starts;
            if (m_data[m_at] != ',')
                return {};
            ++m_at;
        }
    }

    qsizetype at() const { return m_at; }
    // How far it read (a comment's end looked for included).
    qsizetype furthest() const { return std::max(m_at, m_furthest); }

private:
    // White space and comments.
    void skip()
    {
        while (m_at < m_size) {
            if (isSpace(m_data[m_at])) {
                ++m_at;
            } else if (startsWith(m_at, "--")) {
                while (m_at < m_size && m_data[m_at] != '\n' && m_data[m_at] != '\r')
                    ++m_at;
            } else if (startsWith(m_at, "/*")) {
                const qsizetype end = commentEnd(m_at + 2);
                if (end < 0) // unterminated, or nested: not read here
                    return;
                m_at = end;
            } else {
                return;
            }
        }
    }

    // Where the block comment whose text starts at from ends (after its "*/"); -1 when it does
    // not end or holds a "/*".
    qsizetype commentEnd(qsizetype from)
    {
        for (qsizetype i = from; i + 1 < m_size; ++i) {
            if (startsWith(i, "/*")) {
                m_furthest = std::max(m_furthest, i);
                return -1;
            }
            if (startsWith(i, "*/"))
                return i + 2;
        }
        m_furthest = m_size;
        return -1;
    }

    // [-] S digits: an integer constant the scanner reads as an int4 (a longer one is a float).
    bool constant()
    {
        if (m_at < m_size && m_data[m_at] == '-') {
            ++m_at;
            skip();
        }
        while (m_at < m_size && m_data[m_at] == '0' && m_at + 1 < m_size
               && isDigit(m_data[m_at + 1]))
            ++m_at; // leading zeros
        const qsizetype from = m_at;
        while (m_at < m_size && isDigit(m_data[m_at]))
            ++m_at;
        const qsizetype digits = m_at - from;
        return digits > 0
            && (digits < 10 || (digits == 10 && std::memcmp(m_data + from, "2147483647", 10) <= 0));
    }

    bool startsWith(qsizetype at, const char *two) const
    {
        return at + 1 < m_size && m_data[at] == two[0] && m_data[at + 1] == two[1];
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_at;
    qsizetype m_furthest = 0;
};

// Whether the '(' at open follows the word IN (any case; white space between).
bool followsIn(const QByteArray &text, qsizetype open)
{
    qsizetype i = open;
    while (i > 0 && isSpace(text.at(i - 1)))
        --i;
    return i >= 2 && (text.at(i - 1) == 'n' || text.at(i - 1) == 'N')
        && (text.at(i - 2) == 'i' || text.at(i - 2) == 'I')
        && (i == 2 || !isIdentifier(text.at(i - 3)));
}

} // namespace

IntegerInLists IntegerInLists::of(const QByteArray &statement)
{
    IntegerInLists out;
    out.m_statement = statement;
    // kLongList constants take kLongList - 1 commas: a statement with fewer is not read
    if (size_t(statement.count(',')) < kLongList - 1)
        return out;
    // what the candidates may read in all: each list once, and as much again for candidates in
    // quoted texts and comments (past it the lists left are not blanked: parsed whole)
    qsizetype budget = 2 * statement.size() + 65536;
    for (qsizetype open = statement.indexOf('('); open >= 0 && budget > 0;
         open = statement.indexOf('(', open + 1)) {
        if (!followsIn(statement, open))
            continue;
        ListReader list(statement, open, open + budget);
        const QList<int> starts = list.constants();
        budget -= list.furthest() - open;
        if (size_t(starts.size()) < kLongList)
            continue;
        out.m_lists.append(List{{starts.at(0), starts.at(1), starts.at(2), starts.back()}});
        open = list.at(); // the next list starts after this one's ')'
    }
    return out;
}

QByteArray IntegerInLists::blanked() const
{
    QByteArray out = m_statement;
    for (const List &list : m_lists)
        for (int at = list.starts[2]; at < list.starts[3]; ++at)
            if (out.at(at) != '\n' && out.at(at) != '\r')
                out[at] = ' ';
    return out;
}

QByteArray IntegerInLists::cut(qsizetype from) const
{
    QByteArray out;
    qsizetype at = from;
    for (const List &list : m_lists) {
        if (list.starts[2] < at)
            continue; // before from (the query under EXPLAIN starts after it)
        out += m_statement.mid(at, list.starts[2] - at);
        at = list.starts[3];
    }
    return out + m_statement.mid(at);
}

bool IntegerInLists::confirmedBy(const PgQuery__Node *blankedStatement) const
{
    std::vector<std::array<int, 3>> found; // the places of each IN list of three integers
    PgTreeWalk::eachNode(&blankedStatement->base, [&found](const PgQuery__Node *n) {
        if (n->node_case != PG_QUERY__NODE__NODE_A_EXPR || !n->a_expr
            || n->a_expr->kind != PG_QUERY__A__EXPR__KIND__AEXPR_IN || !n->a_expr->rexpr
            || n->a_expr->rexpr->node_case != PG_QUERY__NODE__NODE_LIST || !n->a_expr->rexpr->list
            || n->a_expr->rexpr->list->n_items != 3)
            return true;
        std::array<int, 3> places{};
        for (size_t i = 0; i < 3; ++i) {
            const PgQuery__Node *item = n->a_expr->rexpr->list->items[i];
            if (!item || item->node_case != PG_QUERY__NODE__NODE_A_CONST || !item->a_const
                || item->a_const->isnull || item->a_const->val_case != PG_QUERY__A__CONST__VAL_IVAL)
                return true;
            places[i] = item->a_const->location;
        }
        found.push_back(places);
        return true;
    });
    std::sort(found.begin(), found.end());
    return std::all_of(m_lists.begin(), m_lists.end(), [&found](const List &list) {
        return std::binary_search(
            found.begin(), found.end(),
            std::array<int, 3>{list.starts[0], list.starts[1], list.starts[3]});
    });
}

} // namespace uaip
