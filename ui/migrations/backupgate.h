#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QCheckBox;
class QWidget;

namespace uaip {

class Confirmer;
class Job;
struct ConnectionProfile;
struct SessionSpec;

// "Back up first": on a production profile, an apply can be preceded by a pg_dump to a file
// the user chooses. The apply starts only when the backup succeeded.
class BackupGate : public QObject
{
    Q_OBJECT
public:
    explicit BackupGate(QWidget *parent);

    QCheckBox *checkBox() const { return m_check; }
    // The tool bar's action that holds the check box (QToolBar::addWidget's result).
    void setToolBarAction(QAction *action);
    bool isOffered() const { return m_production; }
    // Shown and usable on production profiles only.
    void setProfile(const ConnectionProfile &profile);
    bool wanted() const;
    // Asks for the file and hands the backup job out through started() (the view runs it);
    // calls apply() when it succeeded, failed() otherwise or when no file was chosen.
    // The job runs on a worker without a database (pg_dump connects itself, from spec).
    bool run(Confirmer *confirmer, const SessionSpec &spec, const QString &database,
             std::function<void()> apply);

    // Cancels a running backup; neither apply() nor failed() follows it.
    void disown();

signals:
    void started(uaip::Job *job);
    // error false: no file was chosen or the backup was cancelled (said in neutral words).
    void failed(const QString &why, bool error);

private:
    QWidget *m_parent;
    QCheckBox *m_check;
    QAction *m_action = nullptr;
    bool m_production = false;
    QPointer<Job> m_job; // the backup now running
};

} // namespace uaip
