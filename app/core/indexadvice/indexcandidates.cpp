#include "indexcandidates.h"

#include "sqlparse/parsetreenames.h"

namespace uaip {

namespace {

// The columns of one table in the order first used: compared for equality, for a range, sorted.
struct TableUses
{
    const ResolvedTable *table = nullptr;
    QStringList equality;
    QStringList other; // range and sort
};

void addOnce(QStringList &list, const QString &name)
{
    if (!list.contains(name))
        list << name;
}

} // namespace

QList<const ResolvedTable *> IndexCandidates::owners(const QueryShape &shape,
                                                     const QueryShape::Column &column,
                                                     const QHash<QString, ResolvedTable> &tables)
{
    QList<const ResolvedTable *> out;
    for (const QueryShape::Relation &r : shape.relations) {
        const auto t = tables.constFind(r.name);
        if (t == tables.constEnd() || !t->columns.contains(column.name))
            continue;
        const bool named = column.qualifier.isEmpty() || column.qualifier == r.alias
            || (r.alias.isEmpty()
                && (column.qualifier == t->table
                    || ParseTreeNames::quoteIdentifier(column.qualifier) == r.name));
        if (named && !out.contains(&*t))
            out << &*t;
    }
    return out;
}

bool IndexCandidates::existsAlready(const IndexCandidate &candidate,
                                    const QList<IndexInfo> &existing)
{
    for (const IndexInfo &i : existing)
        if (i.valid && i.accessMethod == QLatin1String("btree") && i.schema == candidate.schema
            && i.table == candidate.table && i.predicate.isEmpty()
            && i.columnNames.mid(0, i.keyCount).mid(0, candidate.columns.size())
                == candidate.columns)
            return true;
    return false;
}

QList<IndexCandidate> IndexCandidates::of(const QueryShape &shape,
                                          const QHash<QString, ResolvedTable> &tables,
                                          const QList<IndexInfo> &existing)
{
    QList<TableUses> uses;
    for (const QueryShape::Column &c : shape.columns)
        for (const ResolvedTable *t : owners(shape, c, tables)) {
            if (t->kind != QLatin1String("r") && t->kind != QLatin1String("m"))
                continue; // a partitioned table, a view, a foreign table: no index of its own
            auto u = std::find_if(uses.begin(), uses.end(),
                                  [t](const TableUses &x) { return x.table == t; });
            if (u == uses.end())
                u = uses.insert(uses.end(), TableUses{t, {}, {}});
            addOnce(c.use == QueryShape::Use::Equality ? u->equality : u->other, c.name);
        }
    // per table, its equality columns (up to kMaxEqualityLead) then its first range or sort
    // column: the one index that serves the whole WHERE ... ORDER BY, tried after the shorter
    // ones so that a tie keeps the smaller index
    QList<IndexCandidate> wide;
    for (const TableUses &u : uses) {
        const QStringList columns = u.equality.mid(0, kMaxEqualityLead) + u.other.mid(0, 1);
        const IndexCandidate c{u.table->oid, u.table->schema, u.table->table, columns, QString()};
        if (columns.size() > 2 && !existsAlready(c, existing))
            wide << c;
    }
    QList<IndexCandidate> out;
    const auto add = [&](const ResolvedTable *t, const QStringList &columns) {
        const IndexCandidate c{t->oid, t->schema, t->table, columns, QString()};
        if (out.size() + wide.size() < kMaxPerStatement && !out.contains(c)
            && !existsAlready(c, existing))
            out << c;
    };
    for (const TableUses &u : uses) {
        for (const QString &c : u.equality + u.other)
            add(u.table, {c});
        for (const QString &e : u.equality)
            for (const QString &c : u.equality + u.other)
                if (c != e)
                    add(u.table, {e, c});
    }
    return out + wide.mid(0, kMaxPerStatement - out.size());
}

} // namespace uaip
