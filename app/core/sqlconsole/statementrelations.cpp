#include "statementrelations.h"

#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"

#include <algorithm>

namespace uaip {

namespace {

bool isIdentifierByte(char c, bool first)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80
        || (!first && ((u >= '0' && u <= '9') || u == '$'));
}

int skipSpace(const QByteArray &text, int i)
{
    while (i < text.size()
           && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\n' || text.at(i) == '\r'))
        ++i;
    return i;
}

// The end of the identifier (plain or "quoted") at i; i when there is none.
int identifierEnd(const QByteArray &text, int i)
{
    if (i < text.size() && text.at(i) == '"') {
        for (int j = i + 1; j < text.size(); ++j) {
            if (text.at(j) != '"')
                continue;
            if (j + 1 < text.size() && text.at(j + 1) == '"') {
                ++j;
                continue;
            }
            return j + 1;
        }
        return i;
    }
    if (i >= text.size() || !isIdentifierByte(text.at(i), true))
        return i;
    int j = i + 1;
    while (j < text.size() && isIdentifierByte(text.at(j), false))
        ++j;
    return j;
}

// [location, end of the qualified name and its alias) as written.
int referenceEnd(const QByteArray &text, int location, bool hasAlias)
{
    int end = identifierEnd(text, location);
    for (;;) { // schema.table, catalog.schema.table
        const int dot = skipSpace(text, end);
        if (dot >= text.size() || text.at(dot) != '.')
            break;
        const int next = identifierEnd(text, skipSpace(text, dot + 1));
        if (next == skipSpace(text, dot + 1))
            break;
        end = next;
    }
    if (!hasAlias)
        return end;
    int i = skipSpace(text, end);
    const int word = identifierEnd(text, i);
    if (word - i == 2 && text.mid(i, 2).toLower() == "as")
        i = skipSpace(text, word);
    const int alias = identifierEnd(text, i);
    return alias > i ? alias : end;
}

// Every RangeVar under root (a node's or a statement's field), in the order the walk finds them.
void collect(const ProtobufCMessage *root, const QByteArray &text, QList<RelationReference> *out)
{
    PgTreeWalk::each(root, [&text, out](const ProtobufCMessage *message) {
        if (message->descriptor != &pg_query__range_var__descriptor)
            return true;
        const auto *rv = reinterpret_cast<const PgQuery__RangeVar *>(message);
        RelationReference r;
        r.schema = QString::fromUtf8(rv->schemaname);
        r.name = QString::fromUtf8(rv->relname);
        r.alias = rv->alias ? QString::fromUtf8(rv->alias->aliasname) : QString();
        r.from = rv->location;
        // 0 is protobuf's "unset": no statement starts with a table's name
        if (r.from > 0 && r.from < text.size()) {
            r.to = referenceEnd(text, r.from, !r.alias.isEmpty());
            out->append(r);
        }
        return true;
    });
}

} // namespace

StatementRelations::StatementRelations(const QByteArray &statement)
{
    const PgParseTree tree = PgParseTree::parse(statement);
    if (!tree.ok())
        return;
    collect(&tree.result()->base, statement, &m_references);
    std::stable_sort(
        m_references.begin(), m_references.end(),
        [](const RelationReference &a, const RelationReference &b) { return a.from < b.from; });
}

int StatementRelations::find(const QString &relation, const QString &alias) const
{
    if (relation.isEmpty())
        return -1;
    for (int i = 0; i < m_references.size(); ++i)
        if (!alias.isEmpty() && m_references.at(i).alias == alias
            && m_references.at(i).name == relation)
            return i;
    int nth = 0; // alias == relation: the first; relation_k: the (k+1)-th
    if (!alias.isEmpty() && alias != relation) {
        if (!alias.startsWith(relation + u'_'))
            return -1;
        bool ok = false;
        nth = alias.mid(relation.size() + 1).toInt(&ok);
        if (!ok)
            return -1;
    }
    for (int i = 0; i < m_references.size(); ++i) {
        const RelationReference &r = m_references.at(i);
        if (r.name == relation && r.alias.isEmpty() && nth-- == 0)
            return i;
    }
    return -1;
}

int StatementRelations::at(int offset) const
{
    for (int i = 0; i < m_references.size(); ++i)
        if (offset >= m_references.at(i).from && offset <= m_references.at(i).to)
            return i;
    return -1;
}

} // namespace uaip
