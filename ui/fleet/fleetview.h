#pragma once

#include "db/connectionprofile.h"
#include "fleet/fleetoptions.h"
#include "fleet/fleettarget.h"
#include "fleet/fleettargetresult.h"
#include "ledger/migration.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace uaip {

class FleetFilterProxy;
class FleetMatrixModel;
class FleetRunJob;
class Job;
class JobManager;
class PasswordStore;

// The Fleet view: many databases at once, no connection needed. Targets from a targets file
// (Open…); a matrix of targets × migrations (applied / pending / failed / drifted), filtered
// and sorted by state; Status, Up, Down (one step) and Drift over the selected targets (all
// when none is selected) with the CLI's canary, failure budget and parallelism, run by the
// core's FleetRunner in a job of the job dock; Cancel stops new targets and cancels the running
// statements. Open (or a double-click) asks the window to open the Migrations view on a target.
class FleetView : public QWidget
{
    Q_OBJECT
public:
    explicit FleetView(JobManager *jobs, QWidget *parent = nullptr);

    // Where the migrations come from (the bundled ones when never called).
    void setMigrationsDir(const QString &dir);
    // Reads a targets file and reads every target's status. False (the problems shown) when
    // the file is refused.
    bool openTargetsFile(const QString &path);
    // The connection profiles, for their groups (ConnectionProfile::group); passwords read
    // from the store (the keychain) when a group is opened.
    void setProfiles(const QList<ConnectionProfile> &profiles, PasswordStore *passwords);
    // Every profile of group as a target (passwords from the store, else .pgpass), then every
    // target's status. False when no profile is in the group.
    bool openGroup(const QString &group);
    // Runs command over the selected targets (every target when none is selected).
    void run(FleetOptions::Command command);
    void cancel();
    bool isRunning() const { return !m_job.isNull(); }

    FleetMatrixModel *model() const { return m_model; }
    FleetFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    // The current target's error (the matrix's Error column elides it), whole.
    QPlainTextEdit *errorDetail() const { return m_errorDetail; }
    QList<FleetTarget> selectedTargets() const;

signals:
    void runFinished(bool ok);
    void openTargetRequested(const uaip::FleetTarget &target);
    // A target of a profile group: its profile, by name.
    void openProfileRequested(const QString &name);

private:
    void setupTable();
    void setupOptions();
    void nameWidgets();
    void buildLayout();
    void connectActions();
    void chooseTargetsFile();
    void openCurrent();
    void updateActions();
    void fitErrorColumn();
    void showCurrentError();
    void loadMigrations();
    void setTargets(const QList<FleetTarget> &targets, const QString &source);
    void passwordRead(const QString &key, const QString &password, bool found);

    JobManager *m_jobs;
    QString m_migrationsDir;
    QList<Migration> m_migrations;
    QStringList m_migrationProblems;
    FleetMatrixModel *m_model;
    FleetFilterProxy *m_proxy;
    QTableView *m_table;
    QLabel *m_source;
    QLabel *m_message;
    QPlainTextEdit *m_errorDetail; // the current target's error, whole
    QComboBox *m_filter;
    QComboBox *m_groups;
    QList<ConnectionProfile> m_profiles;
    QPointer<PasswordStore> m_passwords;
    bool m_fromGroup = false; // the targets are a profile group's
    QString m_openingGroup; // a group whose passwords are being read
    QList<ConnectionProfile> m_waiting; // its profiles, in order
    QHash<QString, QString> m_read; // profile name -> password read
    QSpinBox *m_parallel;
    QSpinBox *m_canary;
    QSpinBox *m_maxFailures;
    QPushButton *m_open;
    QPushButton *m_status;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_drift;
    QPushButton *m_cancel;
    QPushButton *m_detail;
    QPointer<FleetRunJob> m_job;
};

} // namespace uaip
