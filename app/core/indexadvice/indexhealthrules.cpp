#include "indexhealthrules.h"

#include "drift/onlineformwriter.h"

#include <QHash>
#include <QLocale>
#include <QSet>

namespace uaip {

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

bool IndexHealthRules::dropsFreely(const IndexInfo &index)
{
    return !index.unique && !index.primary && !index.backsConstraint && !index.replicaIdentity;
}

int IndexHealthRules::strength(const IndexInfo &index)
{
    if (index.primary || index.backsConstraint || index.replicaIdentity)
        return 2;
    return index.unique ? 1 : 0;
}

bool IndexHealthRules::sameKeys(const IndexInfo &a, const IndexInfo &b)
{
    return a.accessMethod == b.accessMethod && a.keys == b.keys && a.keyCount == b.keyCount
        && a.operatorClasses == b.operatorClasses && a.collations == b.collations
        && a.sortOptions == b.sortOptions && a.nullsNotDistinct == b.nullsNotDistinct
        && a.immediate == b.immediate && a.expressions == b.expressions
        && a.predicate == b.predicate;
}

// a's key columns lead b's: a strict prefix, with the same classes and collations.
bool IndexHealthRules::leads(const IndexInfo &a, const IndexInfo &b)
{
    if (a.accessMethod != QLatin1String("btree") || b.accessMethod != a.accessMethod
        || !a.expressions.isEmpty() || !b.expressions.isEmpty() || a.predicate != b.predicate
        || a.keyCount >= b.keyCount || a.keys.size() != a.keyCount)
        return false;
    for (int i = 0; i < a.keyCount; ++i)
        if (a.keys.value(i) != b.keys.value(i)
            || a.operatorClasses.value(i) != b.operatorClasses.value(i)
            || a.collations.value(i) != b.collations.value(i)
            || a.sortOptions.value(i) != b.sortOptions.value(i))
            return false;
    return true;
}

IndexFinding IndexHealthRules::drop(const IndexInfo &index, IndexFinding::Kind kind)
{
    IndexFinding f;
    f.kind = kind;
    f.schema = index.schema;
    f.table = index.table;
    f.index = index.name;
    f.bytes = index.bytes;
    f.scans = index.scans;
    f.statement
        = QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1;").arg(index.qualifiedName());
    f.down = OnlineFormWriter::concurrentIndex(index.definition.toUtf8());
    f.definition = index.definition;
    return f;
}

bool IndexHealthRules::considered(const IndexInfo &index)
{
    return index.valid && !index.partition && !index.locked;
}

bool IndexHealthRules::unused(const IndexInfo &index)
{
    return considered(index) && index.scans == 0 && dropsFreely(index);
}

// Of two duplicates the one a constraint stands on stays, else the unique one, else the one
// scanned more, else the first by name: whether a gives way to b.
bool IndexHealthRules::givesWay(const IndexInfo &a, const IndexInfo &b)
{
    if (strength(a) != strength(b))
        return strength(a) < strength(b);
    if (a.scans != b.scans)
        return a.scans < b.scans;
    return a.name > b.name;
}

void IndexHealthRules::addPairs(const QList<IndexInfo> &indexes, QList<IndexFinding> &out)
{
    // each index against those of its own table only (in the list's order): 10,000 tables'
    // indexes are not 10^8 pairs
    QHash<QString, QList<const IndexInfo *>> byTable;
    for (const IndexInfo &i : indexes)
        byTable[i.schema + QChar(0) + i.table].append(&i);
    QSet<qint64> dropped;
    for (const IndexInfo &a : indexes) {
        if (!considered(a) || dropped.contains(a.oid))
            continue;
        for (const IndexInfo *other : std::as_const(byTable[a.schema + QChar(0) + a.table])) {
            const IndexInfo &b = *other;
            // the index that stays is never one proposed for dropping itself (unused)
            if (b.oid == a.oid || !considered(b) || dropped.contains(b.oid) || unused(b))
                continue;
            const bool same = sameKeys(a, b);
            if (same && strength(a) < 2 && givesWay(a, b)) {
                IndexFinding f = drop(a, IndexFinding::Kind::Duplicate);
                f.other = b.name;
                f.otherDefinition = b.definition;
                f.evidence = tr("%1 has the same keys, method and predicate as %2; %3, scans: %4")
                                 .arg(a.name, b.name, sizeText(a.bytes))
                                 .arg(a.scans);
                out.append(f);
                dropped.insert(a.oid);
                break;
            }
            if (!same && dropsFreely(a) && leads(a, b)) {
                IndexFinding f = drop(a, IndexFinding::Kind::Covered);
                f.other = b.name;
                f.otherDefinition = b.definition;
                f.evidence
                    = tr("the keys of %1 (%2) lead those of %3 (%4), which serves the "
                         "same lookups; %5, scans: %6")
                          .arg(a.name, a.columnNames.mid(0, a.keyCount).join(u','), b.name,
                               b.columnNames.mid(0, b.keyCount).join(u','), sizeText(a.bytes))
                          .arg(a.scans);
                out.append(f);
                dropped.insert(a.oid);
                break;
            }
        }
    }
}

QList<IndexFinding> IndexHealthRules::findings(const QList<IndexInfo> &indexes)
{
    QList<IndexFinding> out;
    for (const IndexInfo &i : indexes) {
        if (i.valid || i.partition || i.locked)
            continue;
        IndexFinding f;
        f.kind = IndexFinding::Kind::Invalid;
        f.schema = i.schema;
        f.table = i.table;
        f.index = i.name;
        f.bytes = i.bytes;
        f.definition = i.definition;
        const bool leftover
            = i.name.contains(QLatin1String("_ccnew")) || i.name.contains(QLatin1String("_ccold"));
        f.evidence = leftover ? tr("%1 is left over from a failed REINDEX CONCURRENTLY: no "
                                   "query uses it, every write still updates it")
                                    .arg(i.name)
                              : tr("%1 is invalid (a failed CREATE INDEX CONCURRENTLY): no "
                                   "query uses it, every write still updates it")
                                    .arg(i.name);
        f.statement = leftover
            ? QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1;").arg(i.qualifiedName())
            : QStringLiteral("REINDEX INDEX CONCURRENTLY %1;").arg(i.qualifiedName());
        out.append(f);
    }
    addPairs(indexes, out);
    QSet<QString> named;
    for (const IndexFinding &f : out)
        named.insert(f.schema + u'.' + f.index);
    for (const IndexInfo &i : indexes) {
        if (!unused(i) || named.contains(i.schema + u'.' + i.name))
            continue;
        IndexFinding f = drop(i, IndexFinding::Kind::Unused);
        f.evidence = tr("%1 on %2 has had no scan since the statistics' reset; %3 that every "
                        "write to %2 updates (rows: %4)")
                         .arg(i.name, i.table, sizeText(i.bytes))
                         .arg(i.tableRows);
        out.append(f);
    }
    return out;
}

QStringList IndexHealthRules::keepIndexesPlansUse(QList<IndexFinding> &findings,
                                                  const QSet<QString> &indexesInPlans)
{
    QStringList notes;
    findings.removeIf([&](const IndexFinding &f) {
        if (f.kind != IndexFinding::Kind::Unused || !indexesInPlans.contains(f.index))
            return false;
        //: %1 the index, %2 its table
        notes << tr("%1 on %2 has had no scan counted since the statistics' reset, but the generic "
                    "plan of a top statement uses it now: not proposed for dropping")
                     .arg(f.index, f.table);
        return true;
    });
    return notes;
}

bool IndexHealthRules::bloated(const IndexInfo &index, IndexFinding *finding)
{
    if (index.leafDensity < 0 || index.leafDensity >= kBloatedDensity)
        return false;
    IndexFinding f;
    f.kind = IndexFinding::Kind::Bloated;
    f.schema = index.schema;
    f.table = index.table;
    f.index = index.name;
    f.bytes = index.bytes;
    f.scans = index.scans;
    f.definition = index.definition;
    f.evidence = tr("%1's leaves are %2% full (a fresh build: about 90%), %3% fragmented; "
                    "rebuilt it would take about %4")
                     .arg(index.name, QString::number(index.leafDensity, 'f', 1),
                          QString::number(index.leafFragmentation, 'f', 1),
                          sizeText(qint64(index.bytes * index.leafDensity / 90.0)));
    f.statement = QStringLiteral("REINDEX INDEX CONCURRENTLY %1;").arg(index.qualifiedName());
    *finding = f;
    return true;
}

} // namespace uaip
