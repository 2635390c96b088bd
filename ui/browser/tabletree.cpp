#include "tabletree.h"

#include "browse/domaingrouping.h"

#include <QHeaderView>
#include <QLocale>
#include <QStyle>

namespace uaip {

namespace {

constexpr int kSchemaRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

QString estimateText(const TableSummary &t)
{
    if (t.kind == u'v')
        return QStringLiteral("\u2014"); // a view stores no rows
    return t.estimate < 0 ? TableTree::tr("not analysed")
                          : QStringLiteral("~") + QLocale().toString(t.estimate);
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
        if (!item->data(0, kNameRole).isNull())
            emit tableActivated(item->data(0, kSchemaRole).toString(),
                                item->data(0, kNameRole).toString());
    });
}

QString TableTree::pathOf(const QTreeWidgetItem *item)
{
    QStringList parts;
    for (; item; item = item->parent())
        parts.prepend(item->text(0));
    return parts.join(u'\n');
}

void TableTree::setTables(const QList<TableSummary> &tables)
{
    QHash<QString, bool> expanded; // by path of the schema/domain node
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if ((*it)->childCount() > 0)
            expanded.insert(pathOf(*it), (*it)->isExpanded());
    const QString current = currentItem() ? pathOf(currentItem()) : QString();
    clear();
    QHash<QString, QTreeWidgetItem *> schemas;
    QHash<QString, QTreeWidgetItem *> domains;
    for (const TableSummary &t : tables) {
        QTreeWidgetItem *&schema = schemas[t.schema];
        if (!schema) {
            schema = new QTreeWidgetItem(this, {t.schema});
            schema->setExpanded(true);
        }
        QTreeWidgetItem *parent = schema;
        if (!t.domain.isEmpty()) {
            QTreeWidgetItem *&domain = domains[t.schema + u'\n' + t.domain];
            if (!domain) {
                domain = new QTreeWidgetItem({t.domain});
                // Domains first, in the platform's order, then the other tables.
                schema->insertChild(int(DomainGrouping::domains().indexOf(t.domain) >= 0
                                            ? qMin(schema->childCount(),
                                                   int(DomainGrouping::domains().indexOf(t.domain)))
                                            : 0),
                                    domain);
            }
            parent = domain;
        }
        auto *item = new QTreeWidgetItem(parent, {t.name, estimateText(t)});
        item->setData(0, kSchemaRole, t.schema);
        item->setData(0, kNameRole, t.name);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QString tip = t.schema + u'.' + t.name;
        if (t.kind == u'v' || t.kind == u'm')
            tip += tr(" (view, read-only)");
        else if (!t.hasPrimaryKey)
            tip += tr(" (no primary key: rows can only be inserted)");
        item->setToolTip(0, tip);
        item->setToolTip(1,
                         tr("Planner estimate (pg_class.reltuples; before the first ANALYZE "
                            "the statistics' live-row count); not analysed = neither known"));
    }
    m_nameWidth = 0;
    m_estimateWidth = 0;
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        m_estimateWidth = qMax(m_estimateWidth, textRoom((*it)->text(1)));
        int depth = 1; // the root decoration
        for (const QTreeWidgetItem *p = (*it)->parent(); p; p = p->parent())
            ++depth;
        m_nameWidth = qMax(m_nameWidth, indentation() * depth + textRoom((*it)->text(0)));
    }
    updateGeometry();
    for (QTreeWidgetItemIterator it(this); *it && !current.isEmpty(); ++it)
        if (pathOf(*it) == current) {
            setCurrentItem(*it);
            break;
        }
    for (QTreeWidgetItemIterator it(this); *it; ++it)
        if ((*it)->childCount() > 0)
            (*it)->setExpanded(expanded.value(pathOf(*it), true));
}

bool TableTree::selectTable(const QString &schema, const QString &name)
{
    QTreeWidgetItem *item = itemFor(schema, name);
    if (item)
        setCurrentItem(item);
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
    for (QTreeWidgetItemIterator it(const_cast<TableTree *>(this)); *it; ++it)
        if ((*it)->data(0, kSchemaRole).toString() == schema
            && (*it)->data(0, kNameRole).toString() == name)
            return *it;
    return nullptr;
}

} // namespace uaip
