#include "planhistoryview.h"

#include "explain/plancomparison.h"
#include "planview.h"
#include "widgets/statestyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace uaip {

namespace {

enum KindColumn { Kind, LeftNodes, Left, RightNodes, Right, Difference, KindColumns };

QString totalOf(const ExplainPlan &plan)
{
    const QLocale locale;
    return plan.analyzed()
        ? PlanHistoryView::tr("%1 ms").arg(locale.toString(plan.executionMs(), 'f', 3))
        : PlanHistoryView::tr("cost %1").arg(locale.toString(plan.total(), 'f', 2));
}

} // namespace

PlanHistoryView::PlanHistoryView(QWidget *parent)
    : QWidget(parent)
    , m_historyBox(new QComboBox(this))
    , m_compareBox(new QComboBox(this))
    , m_left(new PlanView(this))
    , m_right(new PlanView(this))
    , m_compareSummary(new QLabel(this))
    , m_kinds(new QTreeWidget(this))
    , m_compareArea(new QWidget(this))
{
    setObjectName(QStringLiteral("planHistoryView"));
    m_historyBox->setObjectName(QStringLiteral("planHistory"));
    m_compareBox->setObjectName(QStringLiteral("planCompareWith"));
    m_right->setObjectName(QStringLiteral("comparedPlanView"));
    m_kinds->setObjectName(QStringLiteral("planKindDifferences"));
    m_historyBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compareBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_historyBox->setMinimumContentsLength(10);
    m_compareBox->setMinimumContentsLength(10);
    m_historyBox->setToolTip(tr("Every plan of this tab, newest first"));
    m_compareBox->setToolTip(tr("A second plan of this tab to show next to the first, with the "
                                "difference per node kind"));
    m_kinds->setRootIsDecorated(false);
    m_kinds->setColumnCount(KindColumns);
    m_kinds->setHeaderLabels({tr("Node kind"), tr("Left nodes"), tr("Left exclusive"),
                              tr("Right nodes"), tr("Right exclusive"), tr("Difference")});
    m_kinds->header()->setStretchLastSection(true);
    m_compareSummary->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(new QLabel(tr("Plan:"), this));
    top->addWidget(m_historyBox, 1);
    top->addWidget(new QLabel(tr("Compare with:"), this));
    top->addWidget(m_compareBox, 1);

    auto *plans = new QSplitter(Qt::Horizontal, this);
    plans->addWidget(m_left);
    plans->addWidget(m_right);
    auto *compareLayout = new QVBoxLayout(m_compareArea);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->addWidget(m_compareSummary);
    compareLayout->addWidget(m_kinds, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(plans);
    split->addWidget(m_compareArea);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    m_right->hide();
    m_compareArea->hide();

    connect(m_historyBox, &QComboBox::activated, this,
            [this](int index) { compare(index, m_compareBox->currentIndex() - 1); });
    connect(m_compareBox, &QComboBox::activated, this,
            [this](int index) { compare(m_historyBox->currentIndex(), index - 1); });
    connect(m_left, &PlanView::nodeSelected, this, [this](int id) {
        emit nodeSelected(id);
        if (m_comparison && !m_syncing) {
            m_syncing = true;
            m_right->select(m_comparison->matchInB(id));
            m_syncing = false;
        }
    });
    connect(m_right, &PlanView::nodeSelected, this, [this](int id) {
        if (m_comparison && !m_syncing) {
            m_syncing = true;
            m_left->select(m_comparison->matchInA(id));
            m_syncing = false;
        }
    });
}

PlanHistoryView::~PlanHistoryView() = default;

QString PlanHistoryView::labelOf(const PlanHistoryEntry &entry)
{
    QString statement = QString::fromUtf8(entry.statement).simplified();
    if (statement.size() > 60)
        statement = statement.left(59) + u'…';
    return QStringLiteral("%1  %2  %3")
        .arg(QLocale().toString(entry.at.toLocalTime().time(), QStringLiteral("HH:mm:ss")),
             totalOf(entry.result.plan), statement);
}

void PlanHistoryView::addPlan(const PlanHistoryEntry &entry)
{
    m_history.prepend(entry);
    while (m_history.size() > kMaxPlans)
        m_history.removeLast();
    fillBoxes();
    compare(0, -1);
}

void PlanHistoryView::fillBoxes()
{
    m_historyBox->clear();
    m_compareBox->clear();
    m_compareBox->addItem(tr("(none)"));
    for (const PlanHistoryEntry &e : std::as_const(m_history)) {
        m_historyBox->addItem(labelOf(e));
        m_compareBox->addItem(labelOf(e));
    }
}

int PlanHistoryView::shown() const
{
    return m_history.isEmpty() ? -1 : m_historyBox->currentIndex();
}

const PlanHistoryEntry *PlanHistoryView::shownEntry() const
{
    const int i = shown();
    return i >= 0 && i < m_history.size() ? &m_history.at(i) : nullptr;
}

bool PlanHistoryView::comparing() const
{
    return m_comparison != nullptr;
}

void PlanHistoryView::showPlan(int index)
{
    compare(index, -1);
}

void PlanHistoryView::compare(int left, int right)
{
    if (left < 0 || left >= m_history.size())
        return;
    if (right >= m_history.size())
        right = -1;
    m_historyBox->setCurrentIndex(left);
    m_compareBox->setCurrentIndex(right + 1);
    m_comparison.reset();
    m_right->setVisible(right >= 0);
    m_compareArea->setVisible(right >= 0);
    if (right >= 0) {
        m_comparison = std::make_unique<PlanComparison>(m_history.at(left).result.plan,
                                                        m_history.at(right).result.plan);
        m_right->setResult(m_history.at(right).result);
    } else {
        m_right->clear();
    }
    m_left->setResult(m_history.at(left).result);
    updateComparison();
}

void PlanHistoryView::updateComparison()
{
    m_kinds->clear();
    m_compareSummary->clear();
    if (!m_comparison)
        return;
    const PlanComparison &c = *m_comparison;
    const QLocale locale;
    const auto figure = [&](double v) {
        return c.inMs() ? tr("%1 ms").arg(locale.toString(v, 'f', 3)) : locale.toString(v, 'f', 2);
    };
    const auto signedFigure
        = [&](double v) { return (v > 0 ? QStringLiteral("+") : QString()) + figure(v); };
    for (const PlanKindDelta &k : c.kinds()) {
        auto *item = new QTreeWidgetItem(m_kinds);
        item->setText(Kind, k.kind);
        item->setText(LeftNodes, QString::number(k.countA));
        item->setText(Left, figure(k.a));
        item->setText(RightNodes, QString::number(k.countB));
        item->setText(Right, figure(k.b));
        item->setText(Difference, signedFigure(k.delta()));
        if (k.delta() > 0)
            item->setForeground(Difference, StateStyle::danger());
        else if (k.delta() < 0)
            item->setForeground(Difference, StateStyle::success());
        for (int col : {LeftNodes, Left, RightNodes, Right, Difference})
            item->setTextAlignment(col, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int col = 0; col < Difference; ++col)
        m_kinds->resizeColumnToContents(col);
    m_compareSummary->setText(
        (c.inMs() ? tr("Exclusive time: left %1, right %2, difference %3.")
                  : tr("Exclusive cost (a plan has no ANALYZE): left %1, right %2, "
                       "difference %3."))
            .arg(figure(c.totalA()), figure(c.totalB()), signedFigure(c.totalB() - c.totalA())));
}

} // namespace uaip
