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

namespace {

// One column of the conflicting row: its index and its three versions.
struct ComparedColumn
{
    int column;
    QStringList cells; // loaded, theirs, ours
    bool differs;
};

// The row's columns, those that differ first (in table order), then the rest.
QList<ComparedColumn> comparedColumns(const TableInfo &table, const RowConflict &conflict)
{
    auto text = [](const QVariantList &values, int c) {
        if (c >= values.size())
            return QStringLiteral("—");
        return values[c].isNull() ? QStringLiteral("NULL") : values[c].toString();
    };
    QList<ComparedColumn> rows;
    for (int c = 0; c < table.columns.size(); ++c) {
        const QString loaded = text(conflict.original, c);
        const QString theirs
            = conflict.deletedByThem ? ConflictDialog::tr("(deleted)") : text(conflict.theirs, c);
        const QString ours
            = conflict.weDelete ? ConflictDialog::tr("(delete)") : text(conflict.ours, c);
        rows << ComparedColumn{c, {loaded, theirs, ours}, theirs != loaded || ours != loaded};
    }
    std::stable_sort(
        rows.begin(), rows.end(),
        [](const ComparedColumn &a, const ComparedColumn &b) { return a.differs && !b.differs; });
    return rows;
}

// What happened to the row, and what the choices do.
QString explanation(const RowConflict &conflict)
{
    QString what = conflict.deletedByThem
        ? ConflictDialog::tr("This row was deleted by someone else after you loaded it. Nothing "
                             "was saved; your change can only be dropped.")
        : ConflictDialog::tr(
            "This row was changed by someone else after you loaded it. Nothing was saved.");
    if (!conflict.deletedByThem)
        what += u' '
            + ConflictDialog::tr(
                    "“Keep mine” stages your version over theirs: it is written by your next Save "
                    "(with its preview), not now. “Take theirs” drops your change of this row.");
    return what;
}

// One line per column, a version that differs from the loaded one in bold.
void fill(QTableWidget *view, const TableInfo &table, const QList<ComparedColumn> &rows)
{
    view->setHorizontalHeaderLabels({ConflictDialog::tr("Loaded"),
                                     ConflictDialog::tr("Theirs (now)"),
                                     ConflictDialog::tr("Ours")});
    for (int r = 0; r < rows.size(); ++r) {
        const ComparedColumn &row = rows[r];
        view->setVerticalHeaderItem(r, new QTableWidgetItem(table.columns[row.column].name));
        for (int k = 0; k < 3; ++k) {
            auto *item = new QTableWidgetItem(row.cells[k]);
            if (k > 0 && row.cells[k] != row.cells[0]) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            view->setItem(r, k, item);
        }
    }
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

} // namespace

ConflictDialog::ConflictDialog(const TableInfo &table, const RowConflict &conflict, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(int(table.columns.size()), 3, this))
{
    setWindowTitle(tr("Row changed by someone else"));
    auto *layout = new QVBoxLayout(this);
    const QList<ComparedColumn> rows = comparedColumns(table, conflict);
    const int differing = int(
        std::count_if(rows.begin(), rows.end(), [](const ComparedColumn &r) { return r.differs; }));
    auto *label = new QLabel(explanation(conflict), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    fill(m_table, table, rows);
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
    layout->addWidget(choices(conflict.deletedByThem));
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 24);
}

QDialogButtonBox *ConflictDialog::choices(bool deletedByThem)
{
    auto *buttons = new QDialogButtonBox(this);
    if (!deletedByThem) {
        QPushButton *mine = buttons->addButton(tr("Keep mine (stage it; written on next Save)"),
                                               QDialogButtonBox::AcceptRole);
        connect(mine, &QPushButton::clicked, this, [this] { done(KeepMine); });
    }
    QPushButton *theirs
        = buttons->addButton(tr("Take theirs (drop my change)"), QDialogButtonBox::DestructiveRole);
    connect(theirs, &QPushButton::clicked, this, [this] { done(TakeTheirs); });
    QPushButton *later = buttons->addButton(tr("Decide later"), QDialogButtonBox::RejectRole);
    connect(later, &QPushButton::clicked, this, [this] { done(DecideLater); });
    return buttons;
}

} // namespace uaip
