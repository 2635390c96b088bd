#include "tablerenamematcher.h"

#include "ddlattributes.h"
#include "schemasteporder.h"

#include <QRegularExpression>

#include <algorithm>

namespace uaip {

using namespace ddl;

namespace {

// text with the qualified name from (as a whole name, not part of a longer one) as to.
QString substituted(const QString &text, const QString &from, const QString &to)
{
    QString out = text;
    out.replace(
        QRegularExpression(
            QStringLiteral("(?<![\\w\".])%1(?![\\w\"])").arg(QRegularExpression::escape(from))),
        to);
    return out;
}

// before's text with the table's name as after's: qualified, and alone where the catalog
// leaves it unqualified (a constraint's REFERENCES "Old"(id))
QString renamed(const QString &text, const QString &from, const QString &to)
{
    return substituted(substituted(text, from, to), TableRenameMatcher::lastPart(from),
                       TableRenameMatcher::lastPart(to));
}

bool same(const DdlObject &before, const DdlObject &after, const QString &from, const QString &to)
{
    return renamed(before.createSql, from, to) == after.createSql
        && renamed(before.definition, from, to) == after.definition;
}

// Whether before, under its own new name too, is after.
bool sameRenamed(const DdlObject &before, const DdlObject &after, const QString &from,
                 const QString &to)
{
    const QString oldName = TableRenameMatcher::lastPart(before.name);
    const QString newName = TableRenameMatcher::lastPart(after.name);
    return substituted(renamed(before.createSql, from, to), oldName, newName) == after.createSql
        && substituted(renamed(before.definition, from, to), oldName, newName) == after.definition;
}

// The statement renaming an object of the table that has another name (a constraint, an index
// of its own; one that comes with a constraint is renamed with it: no statement). False when it
// is not the same object.
bool renaming(const DdlObject &before, const DdlObject &after, const TableRenameMatcher::Rename &r,
              QString *sql)
{
    if (before.kind != after.kind || !sameRenamed(before, after, r.fromName, r.toName))
        return false;
    const QString newName = TableRenameMatcher::lastPart(after.name);
    if (!before.comesWith.isEmpty()) {
        // renamed with what it comes with: that one must have been paired with after's
        const auto paired = std::find_if(r.pairs.cbegin(), r.pairs.cend(), [&](const auto &p) {
            return p.first == before.comesWith && p.second == after.comesWith;
        });
        sql->clear();
        return paired != r.pairs.cend();
    }
    if (before.kind == u"constraint")
        *sql = QStringLiteral("ALTER TABLE %1 RENAME CONSTRAINT %2 TO %3;")
                   .arg(r.toName, TableRenameMatcher::lastPart(before.name), newName);
    else if (before.kind == u"index")
        *sql = QStringLiteral("ALTER INDEX %1 RENAME TO %2;").arg(before.name, newName);
    else
        return false;
    return true;
}

// Every descendant of the table in from paired with one in to (same, once renamed); the
// statements renaming those with another name. False when one is left over.
bool pairDescendants(const DdlCatalog &from, const DdlCatalog &to, TableRenameMatcher::Rename &r)
{
    QStringList left = from.descendants(r.fromKey);
    QStringList right = to.descendants(r.toKey);
    if (left.size() != right.size())
        return false;
    for (qsizetype i = left.size() - 1; i >= 0; --i) {
        const QString k = left[i];
        const QString mapped = substituted(k, r.fromName, r.toName);
        const DdlObject *after = to.find(mapped);
        if (!after || !right.contains(mapped) || !same(*from.find(k), *after, r.fromName, r.toName))
            continue;
        r.pairs.append({k, mapped});
        left.removeAt(i);
        right.removeAll(mapped);
    }
    // constraints and indexes under another name; then what comes with them
    const QStringList sorted = SchemaStepOrder::sorted(QSet<QString>(left.cbegin(), left.cend()));
    for (const bool withOther : {false, true}) {
        for (const QString &k : sorted) {
            const DdlObject *before = from.find(k);
            if (!left.contains(k) || before->comesWith.isEmpty() != !withOther)
                continue;
            for (const QString &m : std::as_const(right)) {
                QString sql;
                if (!renaming(*before, *to.find(m), r, &sql))
                    continue;
                if (!sql.isEmpty())
                    r.sql << sql;
                r.pairs.append({k, m});
                left.removeAll(k);
                right.removeAll(m);
                break;
            }
        }
    }
    return left.isEmpty() && right.isEmpty();
}

} // namespace

QString TableRenameMatcher::columns(const DdlCatalog &catalog, const QString &table)
{
    QStringList columns;
    for (const QString &k : catalog.descendants(table)) {
        const DdlObject *o = catalog.find(k);
        if (o->kind == u"column")
            columns << attr(*o, "column") + u' ' + o->definition;
    }
    columns.sort();
    return columns.join(u'\n');
}

QString TableRenameMatcher::lastPart(const QString &qualified)
{
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < qualified.size(); ++i) {
        if (qualified.at(i) == u'"')
            quoted = !quoted;
        else if (qualified.at(i) == u'.' && !quoted)
            start = i + 1;
    }
    return qualified.mid(start);
}

QList<TableRenameMatcher::Rename> TableRenameMatcher::find(const DdlCatalog &from,
                                                           const DdlCatalog &to,
                                                           const QSet<QString> &removed,
                                                           const QSet<QString> &added)
{
    QList<Rename> out;
    QSet<QString> taken;
    for (const QString &r : SchemaStepOrder::sorted(removed)) {
        const DdlObject *before = from.find(r);
        if (before->kind != u"table" || !before->comesWith.isEmpty())
            continue;
        const QString columns = TableRenameMatcher::columns(from, r);
        QStringList candidates;
        for (const QString &a : SchemaStepOrder::sorted(added)) {
            const DdlObject *after = to.find(a);
            if (after->kind == u"table" && after->parent == before->parent && !taken.contains(a)
                && after->comesWith.isEmpty() && TableRenameMatcher::columns(to, a) == columns
                && same(*before, *after, before->name, after->name))
                candidates << a;
        }
        if (candidates.size() != 1)
            continue;
        const DdlObject *after = to.find(candidates.first());
        Rename rename{r, after->key(), before->name, after->name, {}, {}};
        rename.sql << QStringLiteral("ALTER TABLE %1 RENAME TO %2;")
                          .arg(before->name, lastPart(after->name));
        if (!pairDescendants(from, to, rename))
            continue;
        taken.insert(after->key());
        out << rename;
    }
    return out;
}

} // namespace uaip
