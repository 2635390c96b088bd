#include "analyticspanelgrid.h"

#include "analyticspanel.h"

#include <QGridLayout>
#include <QTimer>
#include <QToolButton>

namespace uaip {

namespace {

constexpr int kPanelMinHeightLines = 22;

QString choiceLabel(const MetricsChoice &c)
{
    return c.type.isEmpty() ? c.name : QStringLiteral("%1 · %2").arg(c.name, c.type);
}

} // namespace

AnalyticsPanelGrid::AnalyticsPanelGrid(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
{
    setLayout(m_grid);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(6);
    // Both columns equally wide, also after a maximised panel is restored (a column's
    // minimum width then comes from its widest panel's size hint, not from the window).
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    const MetricsPanel order[]
        = {MetricsPanel::Persona, MetricsPanel::Capability, MetricsPanel::Tools,
           MetricsPanel::Interactions, MetricsPanel::Tokens};
    for (int i = 0; i < 5; ++i) {
        auto *p = new AnalyticsPanel(order[i], this);
        p->setMinimumHeight(fontMetrics().height() * kPanelMinHeightLines);
        if (i < 4)
            m_grid->addWidget(p, i / 2, i % 2);
        else
            m_grid->addWidget(p, 2, 0, 1, 2);
        m_panels.append(p);
        connect(p, &AnalyticsPanel::maximiseToggled, this,
                [this, p](bool on) { setMaximised(p, on); });
    }
}

AnalyticsPanel *AnalyticsPanelGrid::panel(MetricsPanel kind) const
{
    for (AnalyticsPanel *p : m_panels)
        if (p->panel() == kind)
            return p;
    return nullptr;
}

void AnalyticsPanelGrid::setChoices(const QHash<MetricsPanel, QList<MetricsChoice>> &choices)
{
    for (MetricsPanel kind : {MetricsPanel::Persona, MetricsPanel::Capability}) {
        QList<MetricsMeasure> measures;
        for (const MetricsChoice &c : choices.value(kind))
            measures.append({choiceLabel(c), c.type, c.name, MetricsMeasure::Value::Aggregated,
                             MetricsAggregation::Mean});
        panel(kind)->setMeasures(measures);
    }
}

void AnalyticsPanelGrid::setMaximised(AnalyticsPanel *panel, bool on)
{
    // Maximised: the empty column takes no room; restored: both columns equal again.
    m_grid->setColumnStretch(0, on ? 0 : 1);
    m_grid->setColumnStretch(1, on ? 0 : 1);
    for (AnalyticsPanel *p : m_panels)
        if (p != panel) {
            p->setVisible(!on);
            const QSignalBlocker block(p->maximiseButton());
            p->maximiseButton()->setChecked(false);
        }
    // The plot is wider or narrower now: its new width once laid out.
    QTimer::singleShot(0, this, [this, panel, on] {
        m_grid->activate(); // the panels' new widths now, not at the next layout pass
        for (AnalyticsPanel *p : std::as_const(m_panels))
            if (p->isVisible())
                p->layout()->activate();
        emit maximised(panel, on);
    });
}

} // namespace uaip
