#include "migrationtableview.h"

#include "migrationtablemodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStyle>

namespace uaip {

MigrationTableView::MigrationTableView(QWidget *parent)
    : QTableView(parent)
    , m_model(new MigrationTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("migrationTable"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    setModel(m_proxy);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->hide();
    // Compact rows (the style's default is roomy): a line of text and the state icon.
    const int row = qMax(fontMetrics().height(), style()->pixelMetric(QStyle::PM_SmallIconSize))
        + fontMetrics().height() / 3 + 2;
    verticalHeader()->setMinimumSectionSize(row);
    verticalHeader()->setDefaultSectionSize(row);
    horizontalHeader()->setStretchLastSection(true);
    setAlternatingRowColors(true);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MigrationTableView::selectionMoved);
}

QSize MigrationTableView::sizeHint() const
{
    const QSize base = QTableView::sizeHint();
    const int height = horizontalHeader()->sizeHint().height()
        + kPreferredRows * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
    return {base.width(), height};
}

void MigrationTableView::setFilterText(const QString &text)
{
    m_proxy->setFilterFixedString(text);
}

std::optional<QString> MigrationTableView::selectedVersion() const
{
    const QModelIndex current = selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const MigrationStatus *s = m_model->statusAt(m_proxy->mapToSource(current).row());
    return s ? std::optional<QString>(s->version) : std::nullopt;
}

bool MigrationTableView::selectVersion(const QString &version)
{
    const int row = m_model->rowOfVersion(version);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return index.isValid();
}

} // namespace uaip
