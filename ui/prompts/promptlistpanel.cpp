#include "promptlistpanel.h"

#include "promptlistmodel.h"
#include "widgets/flowlayout.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace uaip {

namespace {
constexpr int kSizingRows = 50;
} // namespace

PromptListPanel::PromptListPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PromptListModel(this))
    , m_bar(new FlowLayout)
    , m_search(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_active(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_searchTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search->setPlaceholderText(tr("Search names and texts"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText())
                              + m_search->fontMetrics().height() * 3);
    m_bar->addWidget(m_search);
    m_type->addItem(tr("Any type"), QString());
    m_bar->addWidget(m_type);
    m_active->addItem(tr("Active or not"));
    m_active->addItem(tr("Active"));
    m_active->addItem(tr("Inactive"));
    m_bar->addWidget(m_active);
    m_bar->addWidget(new QLabel(tr("Usage:"), this));
    for (const auto &[label, days] : {std::pair{tr("last 24 hours"), 1},
                                      {tr("last 7 days"), 7},
                                      {tr("last 30 days"), 30},
                                      {tr("last 90 days"), 90},
                                      {tr("last year"), 365}})
        m_period->addItem(label, days);
    m_period->setCurrentIndex(2);
    m_bar->addWidget(m_period);
    layout->addLayout(m_bar);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    // Every row has the same height: the view never asks 10,000 rows for theirs.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows on screen (at most 50), not from a thousand rows.
    m_table->horizontalHeader()->setResizeContentsPrecision(kSizingRows);
    m_table->verticalHeader()->setResizeContentsPrecision(kSizingRows);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_searchTimer, &QTimer::timeout, this, &PromptListPanel::filterChanged);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    for (QComboBox *box : {m_type, m_active, m_period})
        connect(box, &QComboBox::activated, this, &PromptListPanel::filterChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PromptListPanel::onCurrentRowChanged);
}

void PromptListPanel::addToolWidget(QWidget *widget)
{
    m_bar->addWidget(widget);
}

PromptListFilter PromptListPanel::filter() const
{
    PromptListFilter filter;
    filter.search = m_search->text().trimmed();
    filter.promptType = m_type->currentData().toString();
    if (m_active->currentIndex() > 0)
        filter.active = m_active->currentIndex() == 1;
    filter.usageTo = QDateTime::currentDateTimeUtc();
    filter.usageFrom = filter.usageTo.addDays(-m_period->currentData().toInt());
    filter.withUsage = false;
    return filter;
}

void PromptListPanel::setPrompts(QList<PromptSummary> prompts, const QString &currentId,
                                 bool allTypes)
{
    m_reselecting = true;
    if (allTypes)
        setTypes(prompts);
    m_model->setPrompts(std::move(prompts));
    const int row = m_model->rowOf(currentId);
    if (row >= 0)
        m_table->selectRow(row);
    m_table->resizeColumnsToContents();
    m_reselecting = false;
}

void PromptListPanel::setTypes(const QList<PromptSummary> &prompts)
{
    // The types the database has.
    QSet<QString> seen;
    QStringList types;
    for (const PromptSummary &p : prompts)
        if (!seen.contains(p.promptType)) {
            seen.insert(p.promptType);
            types << p.promptType;
        }
    types.sort();
    const QString keep = m_type->currentData().toString();
    m_type->clear();
    m_type->addItem(tr("Any type"), QString());
    for (const QString &t : types)
        m_type->addItem(t, t);
    m_type->setCurrentIndex(qMax(0, m_type->findData(keep)));
}

void PromptListPanel::setUsage(const QHash<QString, PromptLister::Usage> &usage)
{
    m_model->setUsage(usage);
    // The usage columns were sized for "–" before the numbers came ("94,…" in German).
    for (const int column :
         {PromptListModel::Interactions, PromptListModel::SuccessRate, PromptListModel::Latency})
        m_table->resizeColumnToContents(column);
}

void PromptListPanel::clear()
{
    m_model->setPrompts({});
}

void PromptListPanel::selectPrompt(const QString &promptId)
{
    const int row = m_model->rowOf(promptId);
    if (row < 0 || m_table->currentIndex().row() == row)
        return;
    m_reselecting = true;
    m_table->selectRow(row);
    m_reselecting = false;
}

QStringList PromptListPanel::selectedPromptIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << m_model->data(i, PromptListModel::PromptIdRole).toString();
    return ids;
}

void PromptListPanel::onCurrentRowChanged()
{
    if (m_reselecting)
        return;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        emit promptPicked(m_model->data(current, PromptListModel::PromptIdRole).toString());
}

} // namespace uaip
