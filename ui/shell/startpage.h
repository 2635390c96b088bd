#pragma once

#include <QWidget>

class QCommandLinkButton;

namespace uaip {

// What the window shows while it has no connection (a first start without --sandbox): three
// ways to begin instead of empty views. The window acts on the signals.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    QCommandLinkButton *connectButton() const { return m_connect; }
    QCommandLinkButton *sandboxButton() const { return m_sandbox; }
    QCommandLinkButton *tourButton() const { return m_tour; }

signals:
    void connectRequested();
    void sandboxRequested();
    void tourRequested();

private:
    QCommandLinkButton *m_connect;
    QCommandLinkButton *m_sandbox;
    QCommandLinkButton *m_tour;
};

} // namespace uaip
