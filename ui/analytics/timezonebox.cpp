#include "timezonebox.h"

#include <QCompleter>
#include <QLineEdit>
#include <QTimeZone>

namespace uaip {

namespace {
constexpr int kVisibleZones = 20;
constexpr int kZoneNameChars = 18;
constexpr int kSqueezedChars = 2;
} // namespace

TimeZoneBox::TimeZoneBox(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("timeZoneBox"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(kVisibleZones);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(kZoneNameChars);
    QStringList zones;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        zones.append(QString::fromUtf8(id));
    zones.sort(Qt::CaseInsensitive);
    addItems(zones);
    // Typing "berl" or "new_y" finds the zone anywhere in its name.
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    setToolTip(tr("Time zone of the buckets and the range (type to search)"));
    m_zone = systemZone();
    setCurrentIndex(findText(m_zone, Qt::MatchFixedString));

    connect(this, &QComboBox::activated, this, [this](int index) { pick(itemText(index)); });
    connect(lineEdit(), &QLineEdit::editingFinished, this, [this] { pick(lineEdit()->text()); });
}

QSize TimeZoneBox::minimumSizeHint() const
{
    QSize size = QComboBox::minimumSizeHint();
    size.rwidth()
        -= fontMetrics().horizontalAdvance(QLatin1Char('x')) * (kZoneNameChars - kSqueezedChars);
    return size;
}

QString TimeZoneBox::systemZone()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return !id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id) ? QString::fromUtf8(id)
                                                                 : QStringLiteral("UTC");
}

bool TimeZoneBox::setZone(const QString &zone)
{
    const int index = findText(zone, Qt::MatchFixedString | Qt::MatchCaseSensitive);
    if (index < 0)
        return false;
    m_zone = itemText(index);
    setCurrentIndex(index);
    return true;
}

void TimeZoneBox::pick(const QString &text)
{
    const int index = findText(text.trimmed(), Qt::MatchFixedString);
    if (index < 0) {
        // Not a zone of the list: back to the current one.
        setCurrentIndex(findText(m_zone, Qt::MatchFixedString | Qt::MatchCaseSensitive));
        setEditText(m_zone);
        return;
    }
    setCurrentIndex(index);
    if (itemText(index) == m_zone)
        return;
    m_zone = itemText(index);
    emit zoneChanged(m_zone);
}

} // namespace uaip
