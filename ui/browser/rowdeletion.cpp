#include "rowdeletion.h"

#include "browse/entitymodel.h"
#include "browser/typedconfirmdialog.h"

#include <QTableView>

namespace uaip {

RowDeletion::RowDeletion(EntityModel *model, QTableView *grid, QWidget *parent)
    : QObject(parent)
    , m_model(model)
    , m_grid(grid)
    , m_parent(parent)
{ }

void RowDeletion::setTarget(bool production, const QString &database)
{
    m_production = production;
    m_database = database;
}

QList<int> RowDeletion::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_grid->selectionModel()->selectedIndexes())
        if (!rows.contains(i.row()))
            rows << i.row();
    if (rows.isEmpty() && m_grid->currentIndex().isValid())
        rows << m_grid->currentIndex().row();
    return rows;
}

void RowDeletion::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty() || !(m_model->canDelete() || m_model->canInsert()))
        return;
    if (!m_production) {
        m_model->deleteRows(rows);
        return;
    }
    auto *dialog = new TypedConfirmDialog(
        tr("Stage the deletion of %n row(s) of %1 on a production database?", nullptr,
           int(rows.size()))
            .arg(m_model->table().displayName()),
        m_database, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, rows] { m_model->deleteRows(rows); });
    dialog->open();
}

} // namespace uaip
