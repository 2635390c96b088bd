#include "applyforecastdialog.h"

#include "forecast/lockforecastformat.h"
#include "util/visibletext.h"
#include "widgets/statestyle.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

// The tree's columns.
struct ForecastColumn
{
    enum { Statement, Table, Rows, Lock, Blocks, Work, HeldBy, Count };
};
// What a row keeps for the details below the tree.
enum Role { Details = Qt::UserRole };

QString blocksText(const RelationLock &lock)
{
    if (blocksReads(lock.mode))
        return ApplyForecastDialog::tr("reads and writes");
    if (blocksWrites(lock.mode))
        return ApplyForecastDialog::tr("writes");
    return ApplyForecastDialog::tr("neither");
}

QString workText(const RelationLock &lock)
{
    QStringList work;
    if (lock.rewrites)
        work << ApplyForecastDialog::tr("rewrites");
    else if (lock.maybeRewrites)
        work << ApplyForecastDialog::tr("may rewrite");
    if (lock.scans)
        work << ApplyForecastDialog::tr("scans");
    return work.isEmpty() ? ApplyForecastDialog::tr("catalog only")
                          : work.join(QStringLiteral(", "));
}

} // namespace

ApplyForecastDialog::ApplyForecastDialog(const PlanForecast &forecast,
                                         const QList<ValidationProblem> &refused, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("applyForecastDialog"));
    setWindowTitle(tr("Confirm apply: what it locks"));
    auto *layout = new QVBoxLayout(this);
    addSummary(layout, forecast, refused);
    addTree(layout, forecast);
    QPushButton *apply = m_buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyButton"));
    apply->setEnabled(refused.isEmpty());
    m_buttons->addButton(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    const QFontMetrics fm(font());
    resize(fm.horizontalAdvance(QLatin1Char('m')) * 90, fm.height() * 28);
}

QPushButton *ApplyForecastDialog::applyButton() const
{
    return findChild<QPushButton *>(QStringLiteral("applyButton"));
}

void ApplyForecastDialog::addSummary(QVBoxLayout *layout, const PlanForecast &forecast,
                                     const QList<ValidationProblem> &refused)
{
    auto *intro = new QLabel(
        tr("Each statement waits at most one short attempt for its lock; when the lock is "
           "not free the migration is rolled back, so the platform's queries go on, and "
           "tried again until the lock budget is spent."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    QStringList lines;
    if (forecast.error.isSet())
        lines << tr("The tables' sizes could not be read: %1")
                     .arg(VisibleText::escaped(forecast.error.toString()));
    if (!refused.isEmpty()) {
        lines << tr("Applying would be refused before its first statement: %n statement(s) "
                    "block the platform while they scan or rewrite a big table. Use the online "
                    "form, or add -- uaip:allow-blocking <reason> to the migration.",
                    nullptr, int(refused.size()));
        for (const ValidationProblem &p : refused)
            lines << VisibleText::escapedKeepingLines(p.describe());
    }
    if (lines.isEmpty())
        return;
    auto *warning = new QLabel(lines.join(u'\n'), this);
    warning->setObjectName(QStringLiteral("forecastSummary"));
    warning->setWordWrap(true);
    warning->setTextInteractionFlags(Qt::TextSelectableByMouse);
    warning->setStyleSheet(QStringLiteral("color: %1").arg(StateStyle::danger().name()));
    layout->addWidget(warning);
}

QStringList ApplyForecastDialog::rowTexts(const PlanForecast &forecast,
                                          const PlanForecast::Script &script,
                                          const StatementForecast &item, const RelationLock &lock)
{
    const auto size = forecast.sizes.constFind(lock.relation);
    QStringList heldBy;
    for (const LockBlocker &b : forecast.heldBy.value(lock.relation))
        heldBy << b.describe();
    QStringList row(ForecastColumn::Count);
    row[ForecastColumn::Statement] = QStringLiteral("%1 %2:%3")
                                         .arg(script.migration)
                                         .arg(item.start.line)
                                         .arg(item.start.column);
    row[ForecastColumn::Table] = VisibleText::escaped(lock.relation);
    row[ForecastColumn::Rows] = size == forecast.sizes.constEnd()
        ? tr("new")
        : tr("%1 (%2)").arg(QLocale().toString(size->rows),
                            QLocale().formattedDataSize(size->totalBytes));
    row[ForecastColumn::Lock] = lockModeName(lock.mode);
    row[ForecastColumn::Blocks] = blocksText(lock);
    row[ForecastColumn::Work] = workText(lock);
    row[ForecastColumn::HeldBy]
        = heldBy.isEmpty() ? tr("nobody") : VisibleText::escaped(heldBy.join(QStringLiteral("; ")));
    return row;
}

void ApplyForecastDialog::addTree(QVBoxLayout *layout, const PlanForecast &forecast)
{
    m_tree->setObjectName(QStringLiteral("forecastTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Statement"), tr("Table"), tr("Live rows"), tr("Lock"),
                             tr("Blocks"), tr("Work under the lock"), tr("Held now by")});
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->header()->setStretchLastSection(true);
    for (int c = 0; c < ForecastColumn::HeldBy; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    for (const PlanForecast::Script &script : forecast.scripts) {
        for (const StatementForecast &item : script.statements) {
            for (const RelationLock &lock : item.forecast.locks) {
                if (lock.relation.isEmpty())
                    continue;
                auto *row = new QTreeWidgetItem(m_tree, rowTexts(forecast, script, item, lock));
                QStringList details{
                    tr("Statement: %1").arg(VisibleText::escaped(QString::fromUtf8(item.head)))};
                if (!lock.onlineForm.isEmpty())
                    details << tr("Online form: %1").arg(lock.onlineForm);
                for (const LockBlocker &b : forecast.heldBy.value(lock.relation))
                    details << tr("Held now by %1").arg(VisibleText::escaped(b.describe()));
                row->setData(ForecastColumn::Statement, Details, details.join(u'\n'));
                row->setToolTip(ForecastColumn::Statement, QString::fromUtf8(item.head));
                const bool blocks = blocksWrites(lock.mode) || blocksReads(lock.mode);
                if (blocks && forecast.sizes.contains(lock.relation))
                    row->setForeground(ForecastColumn::Blocks, StateStyle::danger());
                if (forecast.heldBy.contains(lock.relation))
                    row->setForeground(ForecastColumn::HeldBy, StateStyle::danger());
            }
        }
    }
    layout->addWidget(m_tree, 1);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("forecastDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_details);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ApplyForecastDialog::showDetails);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void ApplyForecastDialog::showDetails()
{
    const QTreeWidgetItem *row = m_tree->currentItem();
    m_details->setText(row ? row->data(ForecastColumn::Statement, Details).toString() : QString());
}

} // namespace uaip
