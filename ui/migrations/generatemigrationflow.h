#pragma once

#include "db/sessionspec.h"
#include "ledger/migrationversion.h"

#include <QObject>

#include <functional>

class QDateTime;
class QWidget;

namespace uaip {

class Confirmer;
class DriftMigrationJob;
class Job;
class MigrationSource;
struct DriftMigration;

// "Generate migration from drift...": generates a migration from the target's drift (a job;
// the migration is proved on the sandbox), shows it for review and writes it into the
// migrations folder. The view loads the folder again (written()); recording the migration as
// applied on the target, when the user asks for it, is the view's run flow's.
class GenerateMigrationFlow : public QObject
{
    Q_OBJECT
public:
    // source: the view's migrations (the folder written to); confirmer: who answers the
    // questions (asked for each question).
    GenerateMigrationFlow(const MigrationSource &source, std::function<Confirmer *()> confirmer,
                          QWidget *parent);

    // Hands the job that generates the migration 'name' from target's drift out through
    // started().
    void run(const QString &name, const SessionSpec &target, const QString &sandboxDir);
    // The target changed: the job's result is ignored, an open question is closed.
    void disown();

signals:
    // A job to run on a one-shot worker of spec; the view waits for it.
    void started(uaip::Job *job, const uaip::SessionSpec &spec);
    // That job is over (sent before anything is said about it).
    void jobEnded();
    void message(const QString &text, bool error);
    // A migration was written into the migrations folder dir: the view loads it again (before
    // anything more is said or asked).
    void written(const QString &dir);
    // The user asked to record the migration written (version) as applied on the target.
    void recordRequested(const uaip::MigrationVersion &version);
    // Written and not recorded: the status is to be read again, then the work is over.
    void finished();

private:
    void onGenerated(const DriftMigrationJob &job, bool ok, const QString &summary);
    void review(const DriftMigration &generated, const QDateTime &at);
    // The folder was loaded again with folder (folderName) in it: records it when asked.
    void onWritten(const QString &folderName, const QString &folder, bool record);

    const MigrationSource &m_source;
    std::function<Confirmer *()> m_confirmer;
    QWidget *m_parent;
    QString m_database; // the target's
    bool m_canRecord = false; // the target's profile is not read-only
    int m_generation = 0; // of the target: results of older jobs are ignored
    bool m_asking = false; // a question of the confirmer is open
};

} // namespace uaip
