#include "filterbar.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace uaip {

namespace {

// A value as an SQL literal, the way it is compared: 'Leo O''Brien'.
QString literal(const QString &value)
{
    return u'\'' + QString(value).replace(u'\'', QStringLiteral("''")) + u'\'';
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_column(new QComboBox(this))
    , m_op(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add condition"), this))
    , m_where(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear filter"), this))
{
    using Op = ColumnFilter::Op;
    for (const Op op : {Op::Equal, Op::NotEqual, Op::Less, Op::Greater, Op::Contains, Op::IsNull,
                        Op::IsNotNull, Op::In})
        m_op->addItem(ColumnFilter::opLabel(op), int(op));
    m_value->setPlaceholderText(tr("value (in: comma-separated)"));
    m_value->setClearButtonEnabled(true);
    // The bar must not widen the window: the value field may get narrower than its hint (the
    // tool tip repeats it); the column list is as wide as its longest name up to about 32
    // characters ("conversational_style" was cut at a dozen).
    m_value->setToolTip(m_value->placeholderText());
    m_value->setMinimumWidth(m_value->fontMetrics().averageCharWidth() * 12);
    m_column->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_column->setMaximumWidth(m_column->fontMetrics().averageCharWidth() * 32);
    m_where->setPlaceholderText(tr("WHERE … (checked by the server, runs read-only)"));
    m_where->setClearButtonEnabled(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The column and the operator are never narrower than their names; the bar takes a row
    // more when they, the value and its button do not fit on one (arrange()).
    m_column->setSizePolicy(QSizePolicy::Minimum, m_column->sizePolicy().verticalPolicy());
    m_op->setSizePolicy(QSizePolicy::Minimum, m_op->sizePolicy().verticalPolicy());
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(2, 1);
    arrange(false);
    connect(m_add, &QPushButton::clicked, this, &FilterBar::addCondition);
    connect(m_value, &QLineEdit::returnPressed, this, &FilterBar::addCondition);
    connect(m_where, &QLineEdit::returnPressed, this, &FilterBar::applyWhere);
    connect(m_op, &QComboBox::currentIndexChanged, this, [this] {
        const auto op = Op(m_op->currentData().toInt());
        m_value->setEnabled(op != Op::IsNull && op != Op::IsNotNull);
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        BrowseQuery q = m_query;
        q.filters.clear();
        q.whereClause.clear();
        m_where->clear();
        emit queryRequested(q);
    });
}

void FilterBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int spacing = m_grid->horizontalSpacing() * 3;
    const int oneRow = m_column->sizeHint().width() + m_op->sizeHint().width()
        + m_value->minimumWidth() + m_add->sizeHint().width() + spacing;
    arrange(width() < oneRow);
}

// One row of condition (column, operator, value, Add), or two in a narrow bar: the column and
// the operator, then the value and Add. The WHERE clause and the summary below.
void FilterBar::arrange(bool narrow)
{
    if (m_grid->count() > 0 && narrow == m_narrow)
        return;
    m_narrow = narrow;
    for (QWidget *w : {static_cast<QWidget *>(m_column), static_cast<QWidget *>(m_op),
                       static_cast<QWidget *>(m_value), static_cast<QWidget *>(m_add),
                       static_cast<QWidget *>(m_where), static_cast<QWidget *>(m_clear),
                       static_cast<QWidget *>(m_summary)})
        m_grid->removeWidget(w);
    const int row = narrow ? 1 : 0;
    m_grid->addWidget(m_column, 0, 0, 1, narrow ? 2 : 1);
    m_grid->addWidget(m_op, 0, narrow ? 2 : 1, 1, narrow ? 2 : 1);
    m_grid->addWidget(m_value, row, narrow ? 0 : 2, 1, narrow ? 3 : 1);
    m_grid->addWidget(m_add, row, 3);
    m_grid->addWidget(m_where, row + 1, 0, 1, 3);
    m_grid->addWidget(m_clear, row + 1, 3);
    m_grid->addWidget(m_summary, row + 2, 0, 1, 4);
}

void FilterBar::setTable(const TableInfo &table)
{
    m_column->clear();
    for (const ColumnInfo &c : table.columns)
        m_column->addItem(c.name);
    m_where->clear();
    setQuery(BrowseQuery{});
}

void FilterBar::setQuery(const BrowseQuery &query)
{
    m_query = query;
    QStringList parts;
    for (const ColumnFilter &f : query.filters) {
        QStringList values;
        for (const QString &v : f.values)
            values << literal(v);
        const QString value = f.op == ColumnFilter::Op::In
            ? u'(' + values.join(QStringLiteral(", ")) + u')'
            : f.op == ColumnFilter::Op::IsNull || f.op == ColumnFilter::Op::IsNotNull
            ? QString()
            : literal(f.value);
        parts << QStringLiteral("%1 %2 %3")
                     .arg(f.column, ColumnFilter::opLabel(f.op), value)
                     .trimmed();
    }
    if (!query.whereClause.isEmpty())
        parts << u'(' + query.whereClause + u')';
    m_summary->setStyleSheet(QString());
    m_summary->setText(parts.isEmpty() ? tr("No filter.")
                                       : tr("Filter: %1").arg(parts.join(tr(" and "))));
    m_clear->setEnabled(!parts.isEmpty());
}

void FilterBar::showProblem(const QString &message)
{
    m_summary->setText(message);
    m_summary->setStyleSheet(QStringLiteral("color: palette(link-visited); font-weight: bold"));
}

void FilterBar::focusValue()
{
    m_value->setFocus(Qt::ShortcutFocusReason);
    m_value->selectAll();
}

void FilterBar::addCondition()
{
    if (m_column->currentIndex() < 0)
        return;
    ColumnFilter f;
    f.column = m_column->currentText();
    f.op = ColumnFilter::Op(m_op->currentData().toInt());
    f.value = m_value->text();
    if (f.op == ColumnFilter::Op::In)
        for (const QString &v : m_value->text().split(u','))
            f.values << v.trimmed();
    BrowseQuery q = m_query;
    q.filters << f;
    q.whereClause = m_where->text().trimmed();
    m_value->clear();
    emit queryRequested(q);
}

void FilterBar::applyWhere()
{
    BrowseQuery q = m_query;
    q.whereClause = m_where->text().trimmed();
    emit queryRequested(q);
}

} // namespace uaip
