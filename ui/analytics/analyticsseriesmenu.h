#pragma once

#include "metrics/metricsseries.h"

#include <QList>
#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace uaip {

// A panel's Series menu: Top 10 by volume, then every series of the range by volume to check
// for drawing. Holds the series chosen (empty: the top ones by volume) and the list the menu
// shows, which it asks for when it opens without one (after a change of the choice).
class AnalyticsSeriesMenu : public QObject
{
    Q_OBJECT
public:
    // The menu is a child of panel.
    explicit AnalyticsSeriesMenu(QWidget *panel);

    QMenu *menu() const { return m_menu; }
    QStringList ids() const { return m_ids; }
    // The chosen series; the menu is filled again on the next opening.
    void setIds(const QStringList &ids);
    // Every series of the range, by volume; drawn: the keys of the series drawn now (checked
    // while no series is chosen).
    void setSeriesList(const QList<MetricsSeries> &series, const QStringList &drawn);

signals:
    // The menu opens without a list: answer with setSeriesList().
    void listRequested();
    // The user chose these series (empty: the top ones by volume).
    void idsChosen(const QStringList &ids);

private:
    QMenu *m_menu;
    QStringList m_ids;
    QList<MetricsSeries> m_seriesList;
};

} // namespace uaip
