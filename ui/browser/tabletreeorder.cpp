#include "tabletreeorder.h"

#include "browse/domaingrouping.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <numeric>

namespace uaip {

namespace {

// Each distinct text's place among the others, in collator's order (a few schemas or
// extensions: compared directly).
QHash<QString, int> ranks(const QCollator &collator, QStringList texts)
{
    texts.removeDuplicates();
    std::sort(texts.begin(), texts.end(), [&collator](const QString &a, const QString &b) {
        const int c = collator.compare(a, b);
        return c != 0 ? c < 0 : a < b;
    });
    QHash<QString, int> out;
    for (int i = 0; i < texts.size(); ++i)
        out.insert(texts.at(i), i);
    return out;
}

} // namespace

QCollator TableTreeOrder::naturalCollator()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    QCollator collator(locale);
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

QString TableTreeOrder::groupLabel(const TableSummary &t)
{
    if (!t.extension.isEmpty())
        return tr("%1 (extension)").arg(t.extension);
    return t.domain;
}

QList<int> TableTreeOrder::arrange(const QList<TableSummary> &tables)
{
    const QCollator collator = naturalCollator();
    QStringList schemaNames;
    QStringList extensionNames;
    for (const TableSummary &t : tables) {
        schemaNames << t.schema;
        if (!t.extension.isEmpty())
            extensionNames << t.extension;
    }
    const QHash<QString, int> schemaRank = ranks(collator, schemaNames);
    const QHash<QString, int> extensionRank = ranks(collator, extensionNames);
    const QStringList domains = DomainGrouping::domains();
    // per table: its schema's rank, its group's (domains, the other tables, extensions) and
    // its name's sort key (one key per name: the sort compares keys, not strings)
    QList<int> schemaOf;
    QList<int> groupOf;
    QList<QCollatorSortKey> nameKeys;
    schemaOf.reserve(tables.size());
    groupOf.reserve(tables.size());
    nameKeys.reserve(tables.size());
    for (const TableSummary &t : tables) {
        schemaOf << schemaRank.value(t.schema);
        int group = int(domains.size()) + 1; // the other tables, after every domain
        if (!t.extension.isEmpty())
            group = int(domains.size()) + 2 + extensionRank.value(t.extension);
        else if (!t.domain.isEmpty()) {
            const qsizetype d = domains.indexOf(t.domain);
            group = d >= 0 ? int(d) : int(domains.size());
        }
        groupOf << group;
        nameKeys << collator.sortKey(t.name);
    }
    QList<int> order(tables.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (schemaOf.at(a) != schemaOf.at(b))
            return schemaOf.at(a) < schemaOf.at(b);
        if (groupOf.at(a) != groupOf.at(b))
            return groupOf.at(a) < groupOf.at(b);
        // a domain not among the platform's (none today): by name among themselves
        if (tables.at(a).domain != tables.at(b).domain)
            return collator.compare(tables.at(a).domain, tables.at(b).domain) < 0;
        const int c = nameKeys.at(a).compare(nameKeys.at(b));
        return c != 0 ? c < 0 : tables.at(a).name < tables.at(b).name;
    });
    return order;
}

} // namespace uaip
