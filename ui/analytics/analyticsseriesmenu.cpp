#include "analyticsseriesmenu.h"

#include <QAction>
#include <QLocale>
#include <QMenu>

namespace uaip {

namespace {

constexpr int kSeriesMenuMax = 50;

} // namespace

AnalyticsSeriesMenu::AnalyticsSeriesMenu(QWidget *panel)
    : QObject(panel)
    , m_menu(new QMenu(panel))
{
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        if (m_seriesList.isEmpty()) {
            m_menu->clear();
            m_menu->addAction(tr("Loading…"))->setEnabled(false);
            emit listRequested();
        }
    });
}

void AnalyticsSeriesMenu::setIds(const QStringList &ids)
{
    m_ids = ids;
    m_seriesList.clear(); // the menu is filled again on the next opening
}

void AnalyticsSeriesMenu::setSeriesList(const QList<MetricsSeries> &series,
                                        const QStringList &drawn)
{
    m_seriesList = series;
    m_menu->clear();
    QAction *top = m_menu->addAction(tr("Top 10 by volume (default)"));
    top->setCheckable(true);
    top->setChecked(m_ids.isEmpty());
    connect(top, &QAction::triggered, this, [this] { emit idsChosen({}); });
    m_menu->addSeparator();
    const QStringList shown = m_ids.isEmpty() ? drawn : m_ids;
    for (qsizetype i = 0; i < series.size() && i < kSeriesMenuMax; ++i) {
        const MetricsSeries &s = series.at(i);
        QAction *a
            = m_menu->addAction(tr("%1 (%2 rows)").arg(s.label, QLocale().toString(s.volume)));
        a->setCheckable(true);
        a->setChecked(shown.contains(s.key));
        a->setData(s.key);
        connect(a, &QAction::toggled, this, [this, key = s.key, shown](bool on) {
            QStringList ids = m_ids.isEmpty() ? shown : m_ids;
            if (on && !ids.contains(key))
                ids.append(key);
            if (!on)
                ids.removeAll(key);
            emit idsChosen(ids);
        });
    }
    if (series.isEmpty())
        m_menu->addAction(tr("No series in this range"))->setEnabled(false);
}

} // namespace uaip
