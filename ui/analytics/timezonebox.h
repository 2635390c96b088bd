#pragma once

#include <QComboBox>
#include <QString>

namespace uaip {

// The Analytics view's time zone picker: every IANA zone Qt knows
// (QTimeZone::availableTimeZoneIds()), searchable by typing any part of the name. Only a zone of
// the list can become current: typed text that names none is put back to the current zone when
// editing ends, so an invalid zone never reaches a query. zoneChanged is emitted when the user
// picks another zone (not by setZone).
class TimeZoneBox : public QComboBox
{
    Q_OBJECT
public:
    explicit TimeZoneBox(QWidget *parent = nullptr);

    QString zone() const { return m_zone; }
    // Makes zone current if it is one of the list; returns false (nothing changes) if not.
    bool setZone(const QString &zone);
    // The system's zone if Qt knows it, else "UTC".
    static QString systemZone();
    // Room for about kZoneNameChars characters when there is room; a narrow window may squeeze
    // it to a few (the whole name is in the list and the tip).
    QSize minimumSizeHint() const override;

signals:
    void zoneChanged(const QString &zone);

private:
    void pick(const QString &text);

    QString m_zone;
};

} // namespace uaip
