#pragma once

#include "connections/connectionprofile.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;

namespace uaip {

// The top of the window: the profile switcher, where the session points to, and a band in the
// profile's colour with PRODUCTION and READ-ONLY in words where they apply.
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget *parent = nullptr);

    void setProfiles(const QList<ConnectionProfile> &profiles, const QString &current);
    void setCurrent(const ConnectionProfile &profile, const QString &state);
    void addActions(const QList<QAction *> &actions);
    QString currentName() const;
    QComboBox *switcher() const { return m_switcher; }
    QString badgeText() const;
    // A profile's name as the user reads it: the local sandbox's in the user's language (its
    // stored name, ConnectionProfile::sandboxName(), stays the key).
    static QString displayName(const ConnectionProfile &profile);

signals:
    void profileChosen(const QString &name);

private:
    QComboBox *m_switcher;
    QLabel *m_target;
    QLabel *m_badge;
};

} // namespace uaip
