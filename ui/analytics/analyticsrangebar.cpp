#include "analyticsrangebar.h"

#include "timezonebox.h"
#include "widgets/elidinglabel.h"
#include "widgets/flowlayout.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>

namespace uaip {

namespace {

constexpr const char *kDateFormat = "yyyy-MM-dd HH:mm";

} // namespace

AnalyticsRangeBar::AnalyticsRangeBar(QWidget *view)
    : m_preset(new QComboBox(view))
    , m_fromEdit(new QDateTimeEdit(view))
    , m_toEdit(new QDateTimeEdit(view))
    , m_apply(new QPushButton(tr("Apply"), view))
    , m_back(new QToolButton(view))
    , m_zoneBox(new TimeZoneBox(view))
    , m_progress(new QProgressBar(view))
    , m_cancel(new QPushButton(tr("Cancel"), view))
    , m_status(new ElidingLabel(view))
    , m_layout(new FlowLayout)
{
    m_preset->addItems({tr("Last hour"), tr("Last 6 hours"), tr("Last 24 hours"), tr("Last 7 days"),
                        tr("Last 30 days"), tr("Last 90 days"), tr("All"), tr("Custom")});
    m_preset->setToolTip(tr("Time range"));
    for (QDateTimeEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setDisplayFormat(QString::fromLatin1(kDateFormat));
        edit->setCalendarPopup(true);
    }
    m_fromEdit->setToolTip(tr("From (inclusive)"));
    m_toEdit->setToolTip(tr("To (exclusive)"));
    m_apply->setToolTip(tr("Show the custom range"));
    m_apply->setEnabled(false); // until connected (AnalyticsView::setTarget)
    m_back->setText(tr("Back"));
    m_back->setIcon(view->style()->standardIcon(QStyle::SP_ArrowBack));
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back->setToolTip(tr("Back to the previous range (after a zoom)"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(view->fontMetrics().averageCharWidth() * 16);
    m_progress->setTextVisible(false);
    m_cancel->setToolTip(tr("Cancel the running queries"));
    m_status->setObjectName(QStringLiteral("analyticsStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layOut(view);
}

void AnalyticsRangeBar::layOut(QWidget *view)
{
    // A flow: where the width runs out (a narrow window, longer labels in another language) the
    // bar continues on a second row rather than widening the window; a long message too.
    m_layout->addWidget(m_preset);
    m_layout->addWidget(new QLabel(tr("From"), view));
    m_layout->addWidget(m_fromEdit);
    m_layout->addWidget(new QLabel(tr("to"), view));
    m_layout->addWidget(m_toEdit);
    m_layout->addWidget(m_apply);
    m_layout->addWidget(m_back);
    auto *zoneLabel = new QLabel(tr("Zone"), view);
    zoneLabel->setBuddy(m_zoneBox);
    zoneLabel->setToolTip(tr("Buckets follow local midnight of this time zone"));
    m_layout->addWidget(zoneLabel);
    m_layout->addWidget(m_zoneBox);
    m_layout->addWidget(m_progress);
    m_layout->addWidget(m_cancel);
    m_layout->addWidget(m_status);
}

void AnalyticsRangeBar::showRange(const QDateTime &from, const QDateTime &to, const QString &zone)
{
    // The edits show the wall-clock time of the view's zone (QDateTimeEdit of Qt 6.4 knows no
    // zones): the date and time as read there, without an offset.
    const QTimeZone tz(zone.toUtf8());
    for (auto [edit, t] : {std::pair{m_fromEdit, from}, std::pair{m_toEdit, to}}) {
        const QDateTime local = t.toTimeZone(tz);
        edit->setDateTime(QDateTime(local.date(), local.time()));
    }
}

std::pair<QDateTime, QDateTime> AnalyticsRangeBar::editedRange(const QString &zone) const
{
    const QTimeZone tz(zone.toUtf8());
    const auto edited = [&tz](const QDateTimeEdit *edit) {
        const QDateTime shown = edit->dateTime();
        return QDateTime(shown.date(), shown.time(), tz);
    };
    return {edited(m_fromEdit), edited(m_toEdit)};
}

void AnalyticsRangeBar::showBusy(bool busy, bool canGoBack)
{
    m_progress->setVisible(busy);
    m_cancel->setEnabled(busy);
    m_back->setEnabled(canGoBack);
}

} // namespace uaip
