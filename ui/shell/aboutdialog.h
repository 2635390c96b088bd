#pragma once

#include <QDialog>

namespace uaip {

// Help -> About: what the console is, its licence, and the versions of the application, Qt
// (at run time), libpq, libpg_query and the connected server, with a button that copies them
// for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // serverVersion: the connected server's version() text; empty when not connected.
    explicit AboutDialog(const QString &serverVersion, QWidget *parent = nullptr);

    // "UAIP Admin 0.1.0\nQt 6.4.2\n..." as shown, one line each.
    QString versionsText() const { return m_versions; }

private:
    QString m_versions;
};

} // namespace uaip
