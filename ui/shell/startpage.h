#pragma once

#include <QWidget>

class QCommandLinkButton;
class QLabel;

namespace uaip {

// What the window shows while it has no open session (a first start without --sandbox, a
// profile still connecting, one that cannot connect, a password prompt cancelled): three ways
// to begin instead of empty views, and the state: "connecting to ...", or why the profile
// could not connect and how to fix it (edit the profile). The window acts on the signals.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    QCommandLinkButton *connectButton() const { return m_connect; }
    QCommandLinkButton *sandboxButton() const { return m_sandbox; }
    QCommandLinkButton *tourButton() const { return m_tour; }
    QCommandLinkButton *editButton() const { return m_edit; }

    // A line about the connection under the introduction; a problem is marked as one and
    // offers to edit the profile `profile` (empty: no such offer). Empty text: none.
    void setState(const QString &text, bool problem = false, const QString &profile = QString());
    QString stateText() const;

signals:
    void connectRequested();
    void sandboxRequested();
    void tourRequested();
    void editRequested();

private:
    QCommandLinkButton *m_connect;
    QCommandLinkButton *m_sandbox;
    QCommandLinkButton *m_tour;
    QCommandLinkButton *m_edit;
    QLabel *m_state;
};

} // namespace uaip
