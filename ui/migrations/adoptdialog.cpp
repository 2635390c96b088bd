#include "adoptdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

QString actionText(AdoptionRow::Action action)
{
    switch (action) {
    case AdoptionRow::Action::Adopt:
        return AdoptDialog::tr("adopt");
    case AdoptionRow::Action::Applied:
        return AdoptDialog::tr("applied already");
    case AdoptionRow::Action::Skip:
        return AdoptDialog::tr("skip");
    case AdoptionRow::Action::Refuse:
        break;
    }
    return AdoptDialog::tr("does not match");
}

} // namespace

AdoptDialog::AdoptDialog(const AdoptionPlan &plan, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
{
    setObjectName(QStringLiteral("adoptDialog"));
    setWindowTitle(tr("Adopt the history kept by %1").arg(plan.toolName));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("adoptSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("adoptMapping"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("%1 entry").arg(plan.toolName), tr("State"), tr("Folder"), tr("Action"), tr("Note")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    QList<AdoptionRow> rows = plan.rows;
    rows += plan.covered;
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const AdoptionRow &r = rows[i];
        const QStringList cells{r.entry.ref + u' ' + r.entry.foreignName, r.entry.state,
                                r.folder.isEmpty() ? QStringLiteral("-") : r.folder,
                                actionText(r.action), r.note};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    const int count = plan.adoptCount();
    m_adopt = buttons->addButton(tr("Adopt %n migration(s)", nullptr, count),
                                 QDialogButtonBox::AcceptRole);
    m_adopt->setObjectName(QStringLiteral("adoptButton"));
    m_adopt->setEnabled(plan.ok() && count > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_summary->setText(summaryText());
    resize(fontMetrics().averageCharWidth() * 120, fontMetrics().height() * 24);
}

QString AdoptDialog::summaryText() const
{
    QString text;
    if (!m_plan.ok()) {
        text = tr("Nothing can be adopted: %n entry(s) of %1 cannot be taken over (no folder or "
                  "several, not applied, or not the file the tool ran).",
                  nullptr, int(m_plan.problems.size()))
                   .arg(m_plan.table);
        for (const QString &p : m_plan.problems)
            text += QStringLiteral("\n• ") + p;
        return text;
    }
    text = tr("Dry run: adopting records %n migration(s) as applied without running them, each "
              "with an event naming its %1 row. %2 itself is never written.",
              nullptr, m_plan.adoptCount())
               .arg(m_plan.toolName, m_plan.table);
    if (!m_plan.pending.isEmpty())
        text += u'\n'
            + tr("Stay pending (no row of %1's history takes them over): %2")
                  .arg(m_plan.toolName, m_plan.pending.join(QStringLiteral(", ")));
    return text;
}

} // namespace uaip
