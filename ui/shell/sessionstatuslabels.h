#pragma once

#include <QCoreApplication>
#include <QString>

class QLabel;
class QMainWindow;
class QStatusBar;

namespace uaip {

// The status bar's permanent part: the connected server's version, the database, the user and
// the latency of the last refresh (object names serverVersion, statusDatabase, statusUser,
// statusLatency). Empty from a switch of the connection until the new session answers. The
// window's messages go through showMessage: on one line, shortened with "…" to the room the
// labels leave (never cut through a word), the whole text in the status bar's tool tip.
class SessionStatusLabels
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SessionStatusLabels)

public:
    // Adds the labels to window's status bar.
    explicit SessionStatusLabels(QMainWindow *window);

    // versionNum: server_version_num; the label says whether the console supports that server
    // (ServerSupport), its tooltip the whole sentence.
    void setSession(const QString &version, int versionNum, const QString &database,
                    const QString &user, int ms);
    void clear();
    void showMessage(const QString &text, int timeoutMs = 0);
    // The connected server's version() text, for Help -> About; empty when not connected.
    QString serverVersion() const { return m_serverVersion; }

private:
    QStatusBar *m_bar;
    QLabel *m_server;
    QLabel *m_database;
    QLabel *m_user;
    QLabel *m_latency;
    QString m_serverVersion;
};

} // namespace uaip
