#include "tabletree.h"

#include "browser/tabletreeorder.h"

#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>
#include <QSet>
#include <QStyle>

namespace uaip {

namespace {

constexpr int kIndexRole = Qt::UserRole + 1; // a table's index in the listing
constexpr int kKeyRole = Qt::UserRole + 2; // a schema's or group's keyOf
// More estimates changed than this: the tree is built again (one batch) rather than each
// item told, which costs a model signal each.
constexpr int kInPlaceLimit = 256;

QString estimateText(const TableSummary &t)
{
    if (t.kind == u'v')
        return QStringLiteral("\u2014"); // a view stores no rows
    return t.estimate < 0 ? TableTree::tr("not analysed")
                          : QStringLiteral("~") + QLocale().toString(t.estimate);
}

QString tableKey(const TableSummary &t)
{
    return t.schema + u'\n' + t.name;
}

} // namespace

TableTree::TableTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    // Short headings (the estimate column is as wide as its heading or its numbers): the room
    // goes to the names; the tool tip says what the numbers are.
    setHeaderLabels({tr("Table"), tr("Rows")});
    headerItem()->setToolTip(1, tr("Rows, estimated by the planner"));
    // A narrower step per level than the style's: three levels (schema, domain, table) cost
    // less of the names' room.
    setIndentation(fontMetrics().height());
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    setUniformRowHeights(true);
    // Names share long prefixes (ai_prompt_labels, ai_prompt_label_history, ...): cut in the
    // middle, where they are alike, so narrow trees still tell them apart.
    setTextElideMode(Qt::ElideMiddle);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QVariant index = item->data(0, kIndexRole);
        if (!index.isNull() && index.toInt() < m_tables.size()) {
            const TableSummary &t = m_tables.at(index.toInt());
            emit tableActivated(t.schema, t.name);
        }
    });
    // What the user expands or collapses (not the filter's opening of every group) is kept
    // across listings and filters; so is the current item.
    const auto remember = [this](QTreeWidgetItem *item, bool expanded) {
        if (!m_building && m_filter.isEmpty())
            m_expanded.insert(keyOf(item), expanded);
    };
    connect(this, &QTreeWidget::itemExpanded, this,
            [remember](QTreeWidgetItem *item) { remember(item, true); });
    connect(this, &QTreeWidget::itemCollapsed, this,
            [remember](QTreeWidgetItem *item) { remember(item, false); });
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (!m_building && current)
            m_current = keyOf(current);
    });
}

QString TableTree::keyOf(const QTreeWidgetItem *item) const
{
    const QVariant key = item->data(0, kKeyRole);
    if (!key.isNull())
        return key.toString();
    const int index = item->data(0, kIndexRole).toInt();
    return index < m_tables.size() ? QStringLiteral("t\n") + tableKey(m_tables.at(index))
                                   : QString();
}

void TableTree::setTables(const QList<TableSummary> &tables)
{
    m_tables = tables;
    m_order = TableTreeOrder::arrange(m_tables);
    m_indexOf.clear();
    m_indexOf.reserve(m_tables.size());
    for (int i = 0; i < m_tables.size(); ++i)
        m_indexOf.insert(tableKey(m_tables.at(i)), i);
    measure();
    updateGeometry();
    rebuild(true);
}

bool TableTree::sameRelation(const TableSummary &a, const TableSummary &b)
{
    return a.schema == b.schema && a.name == b.name && a.kind == b.kind
        && a.hasPrimaryKey == b.hasPrimaryKey && a.domain == b.domain && a.extension == b.extension;
}

void TableTree::updateEstimates(const QList<TableSummary> &tables)
{
    bool same = tables.size() == m_tables.size();
    for (qsizetype i = 0; same && i < tables.size(); ++i)
        same = sameRelation(tables.at(i), m_tables.at(i));
    if (!same) {
        setTables(tables);
        return;
    }
    QList<int> changed;
    for (int i = 0; i < tables.size(); ++i)
        if (tables.at(i).estimate != m_tables.at(i).estimate)
            changed << i;
    m_tables = tables;
    if (changed.size() > kInPlaceLimit) {
        measure();
        updateGeometry();
        rebuild(true);
        return;
    }
    const int before = m_estimateWidth;
    for (int i : std::as_const(changed)) {
        const QString text = estimateText(m_tables.at(i));
        m_estimateWidth = qMax(m_estimateWidth, textRoom(text));
        if (QTreeWidgetItem *item = m_items.at(i))
            item->setText(1, text);
    }
    if (m_estimateWidth != before)
        updateGeometry();
}

void TableTree::setFilter(const QString &text)
{
    const QString filter = text.trimmed();
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild(false);
}

bool TableTree::matches(const TableSummary &t) const
{
    if (m_filter.isEmpty())
        return true;
    if (!m_filter.contains(u'.'))
        return t.name.contains(m_filter, Qt::CaseInsensitive)
            || t.schema.contains(m_filter, Qt::CaseInsensitive);
    return (t.schema + u'.' + t.name).contains(m_filter, Qt::CaseInsensitive);
}

void TableTree::rebuild(bool keepScroll)
{
    const int scrolled = verticalScrollBar()->value();
    m_building = true;
    setUpdatesEnabled(false);
    clear();
    m_items.fill(nullptr, m_tables.size());
    m_shown = 0;
    // Every item made apart from the tree, then given to it at once: one model insertion.
    QList<QTreeWidgetItem *> schemas;
    QHash<QString, QTreeWidgetItem *> nodes; // by keyOf
    QTreeWidgetItem *schema = nullptr;
    QTreeWidgetItem *group = nullptr;
    const QString estimateTip
        = tr("Planner estimate (pg_class.reltuples; before the first ANALYZE the statistics' "
             "live-row count); not analysed = neither known");
    for (int i : std::as_const(m_order)) {
        const TableSummary &t = m_tables.at(i);
        if (!matches(t))
            continue;
        if (!schema || schema->text(0) != t.schema) {
            schema = new QTreeWidgetItem({t.schema});
            schema->setData(0, kKeyRole, QStringLiteral("s\n") + t.schema);
            nodes.insert(QStringLiteral("s\n") + t.schema, schema);
            schemas << schema;
            group = nullptr;
        }
        const QString label = TableTreeOrder::groupLabel(t);
        if (label.isEmpty()) {
            group = nullptr;
        } else if (!group || group->text(0) != label) {
            group = new QTreeWidgetItem(schema, {label});
            const QString key
                = (t.extension.isEmpty() ? QStringLiteral("d\n") : QStringLiteral("e\n")) + t.schema
                + u'\n' + label;
            group->setData(0, kKeyRole, key);
            nodes.insert(key, group);
        }
        m_items[i] = tableItem(i, group ? group : schema, estimateTip);
        ++m_shown;
    }
    addTopLevelItems(schemas);
    restoreState(nodes, keepScroll ? scrolled : -1);
    setUpdatesEnabled(true);
    m_building = false;
    emit countsChanged(m_shown, int(m_tables.size()));
}

QTreeWidgetItem *TableTree::tableItem(int index, QTreeWidgetItem *parent,
                                      const QString &estimateTip) const
{
    const TableSummary &t = m_tables.at(index);
    auto *item = new QTreeWidgetItem(parent, {t.name, estimateText(t)});
    item->setData(0, kIndexRole, index);
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    QString tip = t.schema + u'.' + t.name;
    if (t.kind == u'v' || t.kind == u'm')
        tip += tr(" (view, read-only)");
    else if (!t.hasPrimaryKey)
        tip += tr(" (no primary key: rows can only be inserted)");
    if (!t.extension.isEmpty())
        tip += u'\n' + tr("Part of the extension %1").arg(t.extension);
    item->setToolTip(0, tip);
    item->setToolTip(1, estimateTip);
    return item;
}

void TableTree::restoreState(const QHash<QString, QTreeWidgetItem *> &nodes, int scrolled)
{
    // Schemas and domains open, an extension's group closed, unless the user chose otherwise;
    // while a filter is on, every match shows.
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
        it.value()->setExpanded(!m_filter.isEmpty()
                                || m_expanded.value(it.key(), !it.key().startsWith(u'e')));
    QTreeWidgetItem *current = nodes.value(m_current);
    if (!current && m_current.startsWith(QLatin1String("t\n")))
        current = m_items.value(m_indexOf.value(m_current.mid(2), -1));
    if (current)
        setCurrentItem(current);
    if (scrolled > 0) {
        executeDelayedItemsLayout(); // the scroll bar's range, for the value kept
        verticalScrollBar()->setValue(scrolled);
    } else if (current && scrolled < 0) {
        scrollToItem(current);
    }
}

void TableTree::measure()
{
    // Each name at its depth (the root decoration, then schema, group, table), each estimate;
    // a schema or group once. The style asked once, not per name.
    const QFontMetrics metrics = fontMetrics();
    const int margin = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1);
    const auto room = [&metrics, margin](const QString &text) {
        return metrics.horizontalAdvance(text) + margin;
    };
    const int step = indentation();
    QSet<QString> nodesMeasured;
    QHash<QString, int> estimates; // few distinct texts ("~0", "—")
    m_nameWidth = 0;
    m_estimateWidth = 0;
    for (const TableSummary &t : std::as_const(m_tables)) {
        const QString label = TableTreeOrder::groupLabel(t);
        int width = step * (label.isEmpty() ? 2 : 3) + room(t.name);
        if (!nodesMeasured.contains(t.schema)) {
            nodesMeasured.insert(t.schema);
            width = qMax(width, step + room(t.schema));
        }
        if (!label.isEmpty()) {
            const QString groupKey = t.schema + u'\n' + label;
            if (!nodesMeasured.contains(groupKey)) {
                nodesMeasured.insert(groupKey);
                width = qMax(width, step * 2 + room(label));
            }
        }
        m_nameWidth = qMax(m_nameWidth, width);
        const QString estimate = estimateText(t);
        auto known = estimates.constFind(estimate);
        if (known == estimates.cend())
            known = estimates.insert(estimate, room(estimate));
        m_estimateWidth = qMax(m_estimateWidth, known.value());
    }
}

bool TableTree::selectTable(const QString &schema, const QString &name)
{
    QTreeWidgetItem *item = itemFor(schema, name);
    if (item)
        setCurrentItem(item);
    else if (m_indexOf.contains(schema + u'\n' + name)) {
        // filtered out: nothing else looks current; it is current again once it shows
        setCurrentItem(nullptr);
        m_current = QStringLiteral("t\n") + schema + u'\n' + name;
    }
    return item;
}

QSize TableTree::sizeHint() const
{
    // three levels (schema, domain, table) and a platform table name at least; the estimate
    // column as wide as its widest entry or its heading; room for the vertical scroll bar
    const int names
        = qMax(m_nameWidth, indentation() * 3 + textRoom(QStringLiteral("persona_analytics")));
    const int estimates = qMax(header()->sectionSizeHint(1), m_estimateWidth);
    // a little slack: text is measured with the widget's font metrics, which on some platforms
    // come out narrower than the item text as drawn (an elided name in the screenshots)
    const int width = names + estimates + style()->pixelMetric(QStyle::PM_ScrollBarExtent)
        + frameWidth() * 2 + fontMetrics().averageCharWidth() * 2;
    return QSize(width, QTreeWidget::sizeHint().height());
}

int TableTree::textRoom(const QString &text) const
{
    // The text and the style's margin on either side of it in a cell.
    const int margin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1;
    return fontMetrics().horizontalAdvance(text) + 2 * margin;
}

QTreeWidgetItem *TableTree::itemFor(const QString &schema, const QString &name) const
{
    return m_items.value(m_indexOf.value(schema + u'\n' + name, -1));
}

} // namespace uaip
