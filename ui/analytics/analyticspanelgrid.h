#pragma once

#include "metrics/metricschoice.h"
#include "metrics/metricspanel.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QGridLayout;

namespace uaip {

class AnalyticsPanel;

// The Analytics view's five panels: two side by side in equally wide columns, the last one
// (Token consumption) across both. Maximising one hides the others and its column takes the
// room; restoring shows them again, the columns equal.
class AnalyticsPanelGrid : public QWidget
{
    Q_OBJECT
public:
    explicit AnalyticsPanelGrid(QWidget *parent);

    const QList<AnalyticsPanel *> &panels() const { return m_panels; }
    AnalyticsPanel *panel(MetricsPanel kind) const;
    // The measurements that exist for the Persona and Capability panels (CatalogJob).
    void setChoices(const QHash<MetricsPanel, QList<MetricsChoice>> &choices);
    // panel alone (on) or with the others again (off); maximised() once laid out.
    void setMaximised(AnalyticsPanel *panel, bool on);

signals:
    // After setMaximised(): the panels shown have their new widths (their plots may want
    // other buckets now).
    void maximised(uaip::AnalyticsPanel *panel, bool on);

private:
    QGridLayout *m_grid;
    QList<AnalyticsPanel *> m_panels;
};

} // namespace uaip
