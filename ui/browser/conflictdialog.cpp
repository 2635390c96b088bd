#include "conflictdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

ConflictDialog::ConflictDialog(const TableInfo &table, const RowConflict &conflict, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(int(table.columns.size()), 3, this))
{
    setWindowTitle(tr("Row changed by someone else"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        conflict.deletedByThem
            ? tr("This row was deleted by someone else after you loaded it. Your change can "
                 "only be dropped.")
            : tr("This row was changed by someone else after you loaded it. Nothing was saved."),
        this));
    m_table->setHorizontalHeaderLabels({tr("Loaded"), tr("Theirs (now)"), tr("Ours")});
    auto text = [](const QVariantList &values, int c) {
        if (c >= values.size())
            return QStringLiteral("—");
        return values[c].isNull() ? QStringLiteral("NULL") : values[c].toString();
    };
    for (int c = 0; c < table.columns.size(); ++c) {
        m_table->setVerticalHeaderItem(c, new QTableWidgetItem(table.columns[c].name));
        const QString loaded = text(conflict.original, c);
        const QString theirs = conflict.deletedByThem ? tr("(deleted)") : text(conflict.theirs, c);
        const QString ours = conflict.weDelete ? tr("(delete)") : text(conflict.ours, c);
        const QStringList cells{loaded, theirs, ours};
        for (int k = 0; k < 3; ++k) {
            auto *item = new QTableWidgetItem(cells[k]);
            if (k > 0 && cells[k] != loaded) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(c, k, item);
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(this);
    if (!conflict.deletedByThem) {
        QPushButton *mine
            = buttons->addButton(tr("Keep mine (overwrite theirs)"), QDialogButtonBox::AcceptRole);
        connect(mine, &QPushButton::clicked, this, [this] { done(KeepMine); });
    }
    QPushButton *theirs
        = buttons->addButton(tr("Take theirs (drop my change)"), QDialogButtonBox::DestructiveRole);
    connect(theirs, &QPushButton::clicked, this, [this] { done(TakeTheirs); });
    QPushButton *later = buttons->addButton(tr("Decide later"), QDialogButtonBox::RejectRole);
    connect(later, &QPushButton::clicked, this, [this] { done(DecideLater); });
    layout->addWidget(buttons);
}

} // namespace uaip
