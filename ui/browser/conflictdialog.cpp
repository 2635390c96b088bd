#include "conflictdialog.h"

#include <algorithm>

#include <QCheckBox>
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
    auto text = [](const QVariantList &values, int c) {
        if (c >= values.size())
            return QStringLiteral("—");
        return values[c].isNull() ? QStringLiteral("NULL") : values[c].toString();
    };
    struct Row
    {
        int column;
        QStringList cells; // loaded, theirs, ours
        bool differs;
    };
    QList<Row> rows;
    for (int c = 0; c < table.columns.size(); ++c) {
        const QString loaded = text(conflict.original, c);
        const QString theirs = conflict.deletedByThem ? tr("(deleted)") : text(conflict.theirs, c);
        const QString ours = conflict.weDelete ? tr("(delete)") : text(conflict.ours, c);
        rows << Row{c, {loaded, theirs, ours}, theirs != loaded || ours != loaded};
    }
    // The columns that differ first (in table order), then the rest.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row &a, const Row &b) { return a.differs && !b.differs; });
    const int differing
        = int(std::count_if(rows.begin(), rows.end(), [](const Row &r) { return r.differs; }));
    QString what = conflict.deletedByThem
        ? tr("This row was deleted by someone else after you loaded it. Nothing was saved; your "
             "change can only be dropped.")
        : tr("This row was changed by someone else after you loaded it. Nothing was saved.");
    if (!conflict.deletedByThem)
        what += u' '
            + tr("“Keep mine” stages your version over theirs: it is written by your next Save "
                 "(with its preview), not now. “Take theirs” drops your change of this row.");
    auto *label = new QLabel(what, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_table->setHorizontalHeaderLabels({tr("Loaded"), tr("Theirs (now)"), tr("Ours")});
    for (int r = 0; r < rows.size(); ++r) {
        const Row &row = rows[r];
        m_table->setVerticalHeaderItem(r, new QTableWidgetItem(table.columns[row.column].name));
        for (int k = 0; k < 3; ++k) {
            auto *item = new QTableWidgetItem(row.cells[k]);
            if (k > 0 && row.cells[k] != row.cells[0]) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(r, k, item);
        }
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table, 1);
    auto *all = new QCheckBox(
        tr("Show all %n column(s) (%1 differ)", nullptr, int(rows.size())).arg(differing), this);
    all->setObjectName(QStringLiteral("showAllColumns"));
    auto showRows = [this, differing](bool everything) {
        for (int r = 0; r < m_table->rowCount(); ++r)
            m_table->setRowHidden(r, !everything && r >= differing);
    };
    connect(all, &QCheckBox::toggled, this, showRows);
    all->setChecked(differing == 0);
    showRows(differing == 0);
    layout->addWidget(all);
    auto *buttons = new QDialogButtonBox(this);
    if (!conflict.deletedByThem) {
        QPushButton *mine = buttons->addButton(tr("Keep mine (stage it; written on next Save)"),
                                               QDialogButtonBox::AcceptRole);
        connect(mine, &QPushButton::clicked, this, [this] { done(KeepMine); });
    }
    QPushButton *theirs
        = buttons->addButton(tr("Take theirs (drop my change)"), QDialogButtonBox::DestructiveRole);
    connect(theirs, &QPushButton::clicked, this, [this] { done(TakeTheirs); });
    QPushButton *later = buttons->addButton(tr("Decide later"), QDialogButtonBox::RejectRole);
    connect(later, &QPushButton::clicked, this, [this] { done(DecideLater); });
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 24);
}

} // namespace uaip
