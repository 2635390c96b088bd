#pragma once

#include "insights/workloadhistoryseries.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace uaip {

class HistoryChart;

// The Health view's History tab: the workload history over the last days (HistoryJob::Read),
// a chosen statement's mean time and calls per interval and a chosen table's size and dead
// tuples as Qt Charts lines, each migration applied or rolled back a marker labelled with its
// version. "Record every N min" is the view's recording interval (QSettings kIntervalKey,
// 0: off); "Record now" takes a sample at once.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr const char *kIntervalKey = "health/historyMinutes";
    static constexpr int kDefaultMinutes = 10;

    explicit HistoryPanel(QWidget *parent = nullptr);

    // The recording interval in minutes as set (0: off).
    static int intervalMinutes();
    int days() const;
    void setSeries(const WorkloadHistorySeries &series);
    void setNote(const QString &note);
    void clear();

    QComboBox *queryBox() const { return m_query; }
    QComboBox *tableBox() const { return m_table; }
    HistoryChart *queryChart() const { return m_queryChart; }
    HistoryChart *tableChart() const { return m_tableChart; }
    QPushButton *recordButton() const { return m_record; }
    QSpinBox *intervalBox() const { return m_interval; }

signals:
    void readRequested();
    void recordRequested();
    void intervalChanged(int minutes);

private:
    QWidget *buildBar();
    void showQuery();
    void showTable();
    // The window's time span: its samples and migrations, at least an hour.
    std::pair<qint64, qint64> span() const;

    QComboBox *m_query = nullptr;
    QComboBox *m_table = nullptr;
    QSpinBox *m_days = nullptr;
    QSpinBox *m_interval = nullptr;
    QPushButton *m_record = nullptr;
    QLabel *m_note = nullptr;
    HistoryChart *m_queryChart = nullptr;
    HistoryChart *m_tableChart = nullptr;
    WorkloadHistorySeries m_series;
};

} // namespace uaip
