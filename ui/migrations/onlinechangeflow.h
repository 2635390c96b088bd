#pragma once

#include "db/sessionspec.h"

#include <QObject>

#include <functional>

class QWidget;

namespace uaip {

class Confirmer;
class Job;
class MigrationSource;
class OnlineChangeJob;
struct OnlineChangeRequest;

// "New Online Change...": the statement as an expand and a contract migration (a job; both are
// proved on the sandbox), shown for review and written into the migrations folder. The view
// loads the folder again (written()).
class OnlineChangeFlow : public QObject
{
    Q_OBJECT
public:
    OnlineChangeFlow(const MigrationSource &source, std::function<Confirmer *()> confirmer,
                     QWidget *parent);

    // Hands the job out through started() (spec: the view's target, whose worker runs it).
    void run(const OnlineChangeRequest &request, const SessionSpec &target,
             const QString &sandboxDir);
    // The target changed: the job's result is ignored, an open question is closed.
    void disown();

signals:
    void started(uaip::Job *job, const uaip::SessionSpec &spec);
    void jobEnded();
    void message(const QString &text, bool error);
    // The folders were written into dir: the view loads it again.
    void written(const QString &dir);
    // Written: the status is to be read again, then the work is over.
    void finished();

private:
    void onProved(const OnlineChangeJob &job, bool ok, const QString &summary);

    const MigrationSource &m_source;
    std::function<Confirmer *()> m_confirmer;
    QWidget *m_parent;
    int m_generation = 0;
    bool m_asking = false;
};

} // namespace uaip
