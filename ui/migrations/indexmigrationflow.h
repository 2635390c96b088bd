#pragma once

#include "db/sessionspec.h"
#include "indexadvice/indexaction.h"

#include <QObject>

#include <functional>

class QWidget;

namespace uaip {

class Confirmer;
class IndexMigrationJob;
class Job;
class MigrationSource;

// The Health view's "Create as migration…": an index action made a no-transaction migration
// (a job; it is proved on the sandbox), shown for review and written into the migrations
// folder, where the view's Apply runs it as any other.
class IndexMigrationFlow : public QObject
{
    Q_OBJECT
public:
    IndexMigrationFlow(const MigrationSource &source, std::function<Confirmer *()> confirmer,
                       QWidget *parent);

    // Hands the job that makes action a migration out through started().
    void run(const IndexAction &action, const SessionSpec &target, const QString &sandboxDir);
    // The target changed: the job's result is ignored, an open question is closed.
    void disown();

signals:
    void started(uaip::Job *job, const uaip::SessionSpec &spec);
    void jobEnded();
    void message(const QString &text, bool error);
    // The migration version was written into the migrations folder dir: the view loads it
    // again and selects it (before anything more is said).
    void written(const QString &dir, const QString &version);

private:
    void onMade(const IndexMigrationJob &job, bool ok, const QString &summary);

    const MigrationSource &m_source;
    std::function<Confirmer *()> m_confirmer;
    QWidget *m_parent;
    int m_generation = 0;
    bool m_asking = false;
};

} // namespace uaip
