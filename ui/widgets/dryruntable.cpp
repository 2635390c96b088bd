#include "dryruntable.h"

#include <QHeaderView>
#include <QTableWidget>

namespace uaip {

void DryRunTable::showProblems(QTableWidget *table, const QStringList &problems)
{
    table->setColumnCount(1);
    table->setHorizontalHeaderLabels({tr("Problem")});
    table->setRowCount(int(problems.size()));
    for (int i = 0; i < problems.size(); ++i)
        table->setItem(i, 0, new QTableWidgetItem(problems[i]));
}

void DryRunTable::finish(QTableWidget *table)
{
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->resizeColumnsToContents();
}

} // namespace uaip
