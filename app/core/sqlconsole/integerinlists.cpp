#include "integerinlists.h"

#include "sqlparse/pgtokens.h"
#include "sqlparse/pgtreewalk.h"

#include <algorithm>

namespace uaip {

namespace {

bool isComment(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SQL_COMMENT || t.token == PG_QUERY__TOKEN__C_COMMENT;
}

// The places where the constants of the list opened by the '(' at token open start (a
// negative one at its '-'), and the token after its ')'; empty when it holds anything but
// integer constants and commas (comments aside).
QList<int> constantsFrom(const PgTokens &tokens, size_t open, size_t *after)
{
    QList<int> starts;
    size_t i = open + 1;
    const auto next = [&tokens, &i] {
        while (i < tokens.size() && isComment(tokens.at(i)))
            ++i;
    };
    for (;;) {
        next();
        if (i >= tokens.size())
            return {};
        const int start = tokens.at(i).start;
        if (tokens.at(i).token == PG_QUERY__TOKEN__ASCII_45) { // '-'
            ++i;
            next();
        }
        if (i >= tokens.size() || tokens.at(i).token != PG_QUERY__TOKEN__ICONST)
            return {};
        starts << start;
        ++i;
        next();
        if (i >= tokens.size())
            return {};
        if (tokens.at(i).token == PG_QUERY__TOKEN__ASCII_41) { // ')'
            *after = i + 1;
            return starts;
        }
        if (tokens.at(i).token != PG_QUERY__TOKEN__ASCII_44) // ','
            return {};
        ++i;
    }
}

} // namespace

IntegerInLists IntegerInLists::of(const QByteArray &statement)
{
    IntegerInLists out;
    out.m_statement = statement;
    // kLongList constants take kLongList - 1 commas: a statement with fewer is not scanned
    if (size_t(statement.count(',')) < kLongList - 1)
        return out;
    const PgTokens tokens(statement);
    for (size_t i = 0; i + 1 < tokens.size();) {
        if (tokens.at(i).token != PG_QUERY__TOKEN__IN_P) {
            ++i;
            continue;
        }
        size_t open = i + 1;
        while (open < tokens.size() && isComment(tokens.at(open)))
            ++open;
        if (open >= tokens.size() || tokens.at(open).token != PG_QUERY__TOKEN__ASCII_40) {
            i = open;
            continue;
        }
        size_t after = open + 1;
        const QList<int> starts = constantsFrom(tokens, open, &after);
        if (size_t(starts.size()) >= kLongList)
            out.m_lists.append(List{{starts.at(0), starts.at(1), starts.at(2), starts.back()}});
        i = starts.isEmpty() ? open + 1 : after;
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
    QList<std::array<int, 3>> found; // the places of each IN list of three integer constants
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
        found << places;
        return true;
    });
    return std::all_of(m_lists.begin(), m_lists.end(), [&found](const List &list) {
        return found.contains(std::array<int, 3>{list.starts[0], list.starts[1], list.starts[3]});
    });
}

} // namespace uaip
