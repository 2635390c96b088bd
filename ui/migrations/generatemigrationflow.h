#pragma once

#include "db/sessionspec.h"

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
// migrations folder. Recording it as applied on the target is the view's: it loads the folder
// again first.
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
    // The migration folderName was written to folder, in the migrations folder dir. record:
    // the user asked to record it as applied on the target.
    void written(const QString &dir, const QString &folderName, const QString &folder, bool record);

private:
    void onGenerated(const DriftMigrationJob &job, bool ok, const QString &summary);
    void review(const DriftMigration &generated, const QDateTime &at);

    const MigrationSource &m_source;
    std::function<Confirmer *()> m_confirmer;
    QWidget *m_parent;
    QString m_database; // the target's
    bool m_canRecord = false; // the target's profile is not read-only
    int m_generation = 0; // of the target: results of older jobs are ignored
    bool m_asking = false; // a question of the confirmer is open
};

} // namespace uaip
