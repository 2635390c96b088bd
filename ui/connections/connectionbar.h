#pragma once

#include "db/connectionprofile.h"

#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;

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
    // What the last status read found the server to be (ServerTopology::role): a standby gets a
    // STANDBY badge, its role (of which primary) in the tool tip. Reset by setCurrent.
    void setServerRole(const QString &role, bool standby);

signals:
    void profileChosen(const QString &name);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QComboBox *m_switcher;
    QLabel *m_target;
    QLabel *m_badge;
    QList<QToolButton *> m_actions;
    int m_actionsWithText = 0; // the action buttons' width with their words
    QStringList m_profileBadges; // PRODUCTION, READ-ONLY
    void showBadges(const QString &standbyRole = QString());
    // The connection's state has the first claim on the room: the action buttons lose their
    // words (kept in their tool tips) before it would be elided.
    void fitActions();
};

} // namespace uaip
