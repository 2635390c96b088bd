#pragma once

#include "migrations/confirmer.h"

#include <QObject>
#include <QSize>
#include <QStringList>

namespace uaip {

class MainWindow;

// --screenshot DIR: renders from a scratch database of its own on the sandbox cluster
// (ScreenshotScratch: the window's sandbox database, made when the sandbox starts and dropped by
// main() at the end; the director refuses any other). Waits for the window's first status read,
// applies the bundled migrations there, loads a small demo data set (DemoDataJob), renders every
// main view and the rollback-preview dialog to DIR/<name>.png at the window's size with
// QWidget::grab() (the start page first, as it shows while the sandbox connects), then reports
// done(exitCode). The Prompts view is shown with a draft, its review dialog, a diff and the
// label history (ScreenshotPrompts: a new version of a prompt is saved in the scratch database
// for that); the Activity view with a lock chain of three sessions (ScreenshotActivity, rolled
// back after the picture); Objects and Fleet by ScreenshotObjects and ScreenshotFleet. It
// answers the view's questions itself (it is the view's Confirmer): it never rolls back.
class ScreenshotDirector : public QObject, public Confirmer
{
    Q_OBJECT
public:
    // size: the window's (the default 1280x800 is the README's pictures').
    ScreenshotDirector(MainWindow *window, const QString &dir, QSize size = QSize(1280, 800),
                       QObject *parent = nullptr);
    ~ScreenshotDirector() override;

    void start();
    QStringList written() const { return m_written; }

    bool confirmRollback(QWidget *parent, const QString &what, const RollbackImpact &impact,
                         const ConnectionProfile &profile, const QString &database) override;
    bool waitForLock(QWidget *parent, const LockHolder &holder, int waitedMs) override;
    void showText(QWidget *parent, const QString &title, const QString &text, bool sql) override;
    // Screenshot mode never applies to a production profile: no backup is ever asked for.
    QString chooseBackupFile(QWidget *, const QString &) override { return QString(); }

signals:
    void done(int exitCode);

private:
    void onFirstRefresh(bool ok);
    void loadDemoData();
    void captureViews(int index);
    void captureEntities();
    void captureAnalytics();
    void captureSql();
    void captureHealth();
    // The parts of the tour with classes of their own (ScreenshotPart): started, then the next
    // view once they are done.
    void captureParts(int index);
    void capturePreview();
    bool save(QWidget *widget, const QString &name);
    void fail(const QString &why);
    // Logs how many sessions are open through QSqlDatabase and how many backends the
    // server has for uaip-admin (tst_screenshot compares them), counting again every 100 ms
    // (at most 20 times, the event loop running) until they agree; then emits done(0).
    void reportSessions();

    MainWindow *m_window;
    QString m_dir;
    QSize m_size;
    QStringList m_written;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace uaip
