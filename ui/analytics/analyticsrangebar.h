#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <utility>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;
class QWidget;

namespace uaip {

class FlowLayout;
class TimeZoneBox;

// The Analytics view's bar over its panels: the preset ranges (in AnalyticsView::Preset order),
// the custom range (From, to, Apply), Back, the time zone, the progress with Cancel and the
// status line, as a flow. The view connects to the widgets and decides what they do.
class AnalyticsRangeBar
{
    Q_DECLARE_TR_FUNCTIONS(uaip::AnalyticsRangeBar)

public:
    // The widgets are children of view, which adds layout() to its own layout.
    explicit AnalyticsRangeBar(QWidget *view);

    FlowLayout *layout() const { return m_layout; }
    QComboBox *presetBox() const { return m_preset; }
    QDateTimeEdit *fromEdit() const { return m_fromEdit; }
    QDateTimeEdit *toEdit() const { return m_toEdit; }
    QPushButton *applyButton() const { return m_apply; }
    QToolButton *backButton() const { return m_back; }
    TimeZoneBox *zoneBox() const { return m_zoneBox; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *status() const { return m_status; }

    // Shows [from, to) in the edits, as the wall-clock time of zone.
    void showRange(const QDateTime &from, const QDateTime &to, const QString &zone);
    // The range the edits show, as times of zone.
    std::pair<QDateTime, QDateTime> editedRange(const QString &zone) const;
    // busy: queries run (the progress shows, Cancel is enabled); canGoBack: enables Back.
    void showBusy(bool busy, bool canGoBack);

private:
    void layOut(QWidget *view);

    QComboBox *m_preset;
    QDateTimeEdit *m_fromEdit;
    QDateTimeEdit *m_toEdit;
    QPushButton *m_apply;
    QToolButton *m_back;
    TimeZoneBox *m_zoneBox;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    FlowLayout *m_layout;
};

} // namespace uaip
