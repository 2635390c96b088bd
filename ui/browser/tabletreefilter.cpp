#include "tabletreefilter.h"

#include "browser/tabletree.h"
#include "widgets/elidinglabel.h"

#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace uaip {

TableTreeFilter::TableTreeFilter(TableTree *tree, QWidget *parent)
    : QWidget(parent)
    , m_tree(tree)
    , m_edit(new QLineEdit(this))
    , m_count(new ElidingLabel(this)) // never wider than the tree
    , m_debounce(new QTimer(this))
{
    m_edit->setObjectName(QStringLiteral("tableTreeFilter"));
    m_edit->setPlaceholderText(tr("Filter tables"));
    m_edit->setToolTip(tr("Lists the tables whose schema.name contains this text (case ignored)"));
    m_edit->setClearButtonEnabled(true);
    m_count->setObjectName(QStringLiteral("tableTreeCount"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_count);
    connect(m_edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { m_tree->setFilter(m_edit->text()); });
    // Return: the filter at once, and the tree's first match to go on with the keys.
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        m_tree->setFilter(m_edit->text());
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
            if ((*it)->childCount() == 0) {
                m_tree->setCurrentItem(*it);
                m_tree->setFocus(Qt::ShortcutFocusReason);
                break;
            }
    });
    connect(m_tree, &TableTree::countsChanged, this, &TableTreeFilter::showCounts);
    showCounts(m_tree->shownTableCount(), m_tree->tableCount());
}

void TableTreeFilter::focusEdit()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void TableTreeFilter::showCounts(int shown, int total)
{
    m_count->setText(m_tree->filter().isEmpty()
                         ? tr("%Ln table(s)", nullptr, total)
                         : tr("%L1 of %Ln table(s)", nullptr, total).arg(shown));
}

} // namespace uaip
