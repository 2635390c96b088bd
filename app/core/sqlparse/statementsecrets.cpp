#include "statementsecrets.h"

#include "pgparsetree.h"
#include "pgtokens.h"
#include "pgtreewalk.h"
#include "scannerstatementspans.h"

#include <algorithm>

namespace uaip {

namespace {

// One secret's place in the text: [start, end) in bytes, the mark that replaces it.
struct Cut
{
    int start = 0;
    int end = 0;
    const char *mark = nullptr;
    QByteArray value; // as the parser read it (empty: the text itself)
};

bool isComment(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SQL_COMMENT || t.token == PG_QUERY__TOKEN__C_COMMENT;
}

bool isString(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SCONST || t.token == PG_QUERY__TOKEN__USCONST;
}

bool namesSecret(QByteArray text)
{
    text = text.toLower();
    return text.contains("password") || text.contains("dblink");
}

// Reads one statement's tree and the text's tokens; collects the cuts.
class Finder
{
public:
    Finder(const PgTokens &tokens, int offset)
        : m_tokens(tokens)
        , m_offset(offset)
    { }

    QList<Cut> cuts;
    bool body = false; // a body was cut

    void statement(const PgQuery__Node *node, int end)
    {
        m_end = end;
        PgTreeWalk::each(&node->base, [this](const ProtobufCMessage *m) {
            if (m->descriptor == &pg_query__def_elem__descriptor)
                option(reinterpret_cast<const PgQuery__DefElem *>(m));
            else if (m->descriptor == &pg_query__func_call__descriptor)
                call(reinterpret_cast<const PgQuery__FuncCall *>(m));
            else if (m->descriptor == &pg_query__create_subscription_stmt__descriptor)
                connection(reinterpret_cast<const PgQuery__CreateSubscriptionStmt *>(m)->conninfo);
            else if (m->descriptor == &pg_query__alter_subscription_stmt__descriptor)
                connection(reinterpret_cast<const PgQuery__AlterSubscriptionStmt *>(m)->conninfo);
            else if (m->descriptor == &pg_query__do_stmt__descriptor)
                bodies(reinterpret_cast<const PgQuery__DoStmt *>(m)->args,
                       reinterpret_cast<const PgQuery__DoStmt *>(m)->n_args);
            else if (m->descriptor == &pg_query__create_function_stmt__descriptor)
                bodies(reinterpret_cast<const PgQuery__CreateFunctionStmt *>(m)->options,
                       reinterpret_cast<const PgQuery__CreateFunctionStmt *>(m)->n_options);
            return true;
        });
    }

private:
    // The index of the first token at or after byte position (absolute); size() when none.
    size_t tokenAt(int position) const
    {
        size_t i = 0;
        while (i < m_tokens.size() && m_tokens.at(i).start < position)
            ++i;
        return i;
    }

    // The first string constant from token i on, before a ',', ')' or ';' and within the
    // statement; size() when none.
    size_t nextString(size_t i) const
    {
        for (; i < m_tokens.size() && m_tokens.at(i).start < m_end; ++i) {
            const PgQuery__ScanToken &t = m_tokens.at(i);
            if (isString(t))
                return i;
            if (t.token == PG_QUERY__TOKEN__ASCII_44 || t.token == PG_QUERY__TOKEN__ASCII_41
                || t.token == PG_QUERY__TOKEN__ASCII_59)
                break;
        }
        return m_tokens.size();
    }

    void cut(size_t i, const char *mark, const QByteArray &value)
    {
        if (i >= m_tokens.size())
            return;
        const PgQuery__ScanToken &t = m_tokens.at(i);
        int end = t.end;
        // U&'...' UESCAPE '!': the escape goes with its string
        if (t.token == PG_QUERY__TOKEN__USCONST && i + 2 < m_tokens.size()
            && m_tokens.at(i + 1).token == PG_QUERY__TOKEN__UESCAPE)
            end = m_tokens.at(i + 2).end;
        for (const Cut &c : std::as_const(cuts))
            if (c.start == t.start)
                return;
        cuts.append({t.start, end, mark, value});
    }

    static const char *stringOf(const PgQuery__Node *node)
    {
        return node && node->node_case == PG_QUERY__NODE__NODE_STRING && node->string
            ? node->string->sval
            : nullptr;
    }

    // A role's PASSWORD, a generic option named *password (not PASSWORD NULL)
    void option(const PgQuery__DefElem *d)
    {
        const QByteArray name = QByteArray(d->defname).toLower();
        const char *value = stringOf(d->arg);
        if (!name.endsWith("password") || !value)
            return;
        cut(nextString(tokenAt(m_offset + d->location)), StatementSecrets::kPasswordMark, value);
    }

    // dblink's connection string: every string constant of that argument
    void call(const PgQuery__FuncCall *f)
    {
        if (f->n_funcname == 0 || f->n_args == 0)
            return;
        const QByteArray name = QByteArray(stringOf(f->funcname[f->n_funcname - 1])).toLower();
        size_t arg = 0;
        if (name == "dblink_connect" || name == "dblink_connect_u")
            arg = f->n_args - 1; // (connname, connstr) or (connstr)
        else if (name != "dblink" && name != "dblink_exec")
            return;
        PgTreeWalk::eachNode(&f->args[arg]->base, [this](const PgQuery__Node *n) {
            if (n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const
                && n->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL && n->a_const->sval) {
                const size_t i = tokenAt(m_offset + n->a_const->location);
                if (i < m_tokens.size() && isString(m_tokens.at(i)))
                    cut(i, StatementSecrets::kConnectionMark, n->a_const->sval->sval);
            }
            return true;
        });
    }

    // A subscription's CONNECTION 'string'
    void connection(const char *conninfo)
    {
        if (!conninfo || !*conninfo)
            return;
        for (size_t i = tokenAt(m_offset); i < m_tokens.size() && m_tokens.at(i).start < m_end; ++i)
            if (m_tokens.at(i).token == PG_QUERY__TOKEN__CONNECTION) {
                cut(nextString(i + 1), StatementSecrets::kConnectionMark, conninfo);
                return;
            }
    }

    // The AS of a DO block or a function: its body, when it names a secret
    void bodies(PgQuery__Node *const *options, size_t count)
    {
        for (size_t k = 0; k < count; ++k) {
            const PgQuery__Node *o = options[k];
            if (!o || o->node_case != PG_QUERY__NODE__NODE_DEF_ELEM || !o->def_elem
                || QByteArray(o->def_elem->defname) != "as")
                continue;
            const PgQuery__Node *arg = o->def_elem->arg;
            const char *text = stringOf(arg);
            if (!text && arg && arg->node_case == PG_QUERY__NODE__NODE_LIST && arg->list
                && arg->list->n_items > 0)
                text = stringOf(arg->list->items[0]);
            if (!text || !namesSecret(text))
                continue;
            const size_t before = size_t(cuts.size());
            cut(nextString(tokenAt(m_offset + o->def_elem->location)), StatementSecrets::kBodyMark,
                text);
            body = body || size_t(cuts.size()) > before;
        }
    }

    const PgTokens &m_tokens;
    const int m_offset;
    int m_end = 0;
};

bool isMark(const QByteArray &text)
{
    for (const char *mark : {StatementSecrets::kPasswordMark, StatementSecrets::kConnectionMark,
                             StatementSecrets::kBodyMark, StatementSecrets::kStatementMark})
        if (text == mark)
            return true;
    return false;
}

} // namespace

SecretRedaction StatementSecrets::redact(const QByteArray &sql)
{
    SecretRedaction out;
    const PgTokens tokens(sql);
    if (!tokens.ok()) { // no telling where a string starts: nothing of it is kept
        out.text = kStatementMark;
        out.secrets = 1;
        out.removed << sql;
        out.wholeReplaced = true;
        return out;
    }
    const StatementSpansResult spans = ScannerStatementSpans::find(sql, 0, sql.size());
    if (spans.error) {
        out.text = kStatementMark;
        out.secrets = 1;
        out.removed << sql;
        out.wholeReplaced = true;
        return out;
    }
    QList<Cut> cuts;
    for (const StatementSpan &span : spans.spans) {
        const QByteArray text = sql.mid(span.start, span.end - span.start);
        const PgParseTree tree = PgParseTree::parse(text);
        if (tree.ok()) {
            Finder finder(tokens, span.start);
            for (const PgStatementNode &s : tree.statements())
                if (s.node)
                    finder.statement(s.node, span.end);
            cuts << finder.cuts;
            out.wholeReplaced = out.wholeReplaced || finder.body;
            continue;
        }
        // Refused by the parser: replaced when a token names a secret, unless marks say it was
        // redacted already (then what follows a PASSWORD or CONNECTION still goes).
        bool marked = false;
        bool named = false;
        QList<size_t> inSpan;
        for (size_t i = 0; i < tokens.size(); ++i) {
            const PgQuery__ScanToken &t = tokens.at(i);
            if (t.start < span.start || t.start >= span.end)
                continue;
            inSpan << i;
            const QByteArray word = sql.mid(t.start, t.end - t.start);
            marked = marked || (isComment(t) && isMark(word));
            named = named || t.token == PG_QUERY__TOKEN__PASSWORD
                || t.token == PG_QUERY__TOKEN__CONNECTION || namesSecret(word);
        }
        if (!named)
            continue;
        if (!marked) {
            cuts.append({span.start, span.end, kStatementMark, QByteArray()});
            out.wholeReplaced = true;
            continue;
        }
        for (qsizetype k = 0; k + 1 < inSpan.size(); ++k) {
            const PgQuery__ScanToken &t = tokens.at(inSpan[k]);
            if (t.token != PG_QUERY__TOKEN__PASSWORD && t.token != PG_QUERY__TOKEN__CONNECTION)
                continue;
            qsizetype n = k + 1;
            while (n < inSpan.size() && isComment(tokens.at(inSpan[n])))
                ++n;
            if (n < inSpan.size() && isString(tokens.at(inSpan[n])))
                cuts.append({tokens.at(inSpan[n]).start, tokens.at(inSpan[n]).end,
                             t.token == PG_QUERY__TOKEN__PASSWORD ? kPasswordMark : kConnectionMark,
                             QByteArray()});
        }
    }
    std::sort(cuts.begin(), cuts.end(),
              [](const Cut &a, const Cut &b) { return a.start > b.start; });
    out.text = sql;
    for (const Cut &c : std::as_const(cuts)) {
        const QByteArray written = sql.mid(c.start, c.end - c.start);
        out.removed << written;
        if (!c.value.isEmpty() && c.value != written)
            out.removed << c.value;
        out.text.replace(c.start, c.end - c.start, c.mark);
        ++out.secrets;
    }
    return out;
}

} // namespace uaip
