#pragma once

#include "db/session.h"
#include "db/sessionspec.h"
#include "error/result.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "objects/objectcatalog.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace uaip {

class SessionWorker;

// The Objects view's sessions: one worker per database of the server, the target's own made
// with the target, another database's only when its first read is asked for (a node of it
// expanded). read() runs an ObjectCatalog call on the database's worker and hands the result
// to the GUI thread; an answer for a target that has since changed is dropped.
class ObjectSessions : public QObject
{
    Q_OBJECT
public:
    explicit ObjectSessions(QObject *parent = nullptr);
    ~ObjectSessions() override;

    // Retires every worker; with a spec, starts the target database's.
    void setTarget(const std::optional<SessionSpec> &spec);
    bool hasTarget() const { return m_spec.has_value(); }
    // The target's database as its profile names it (may be empty: the server's default).
    QString targetDatabase() const;
    // How many databases have a session (worker) now; for tests.
    int openDatabases() const { return int(m_workers.size()); }
    // The worker of a database ("" or the target's: the target's own); made on first use.
    SessionWorker *worker(const QString &database);

    template<typename T>
    using Read = std::function<Result<T>(ObjectCatalog &catalog)>;
    template<typename T>
    using Done = std::function<void(const Result<T> &result)>;

    // Runs read on database's session; done gets its result on the GUI thread, unless the
    // target changed meanwhile. Nothing happens without a target.
    template<typename T>
    void read(const QString &database, const QString &title, Read<T> read, Done<T> done)
    {
        SessionWorker *w = worker(database);
        if (!w)
            return;
        const QPointer<ObjectSessions> self(this);
        const int generation = m_generation;
        post(w,
             new FunctionJob(
                 title, [self, generation, read, done](JobContext &context) -> Result<QString> {
                     const Result<Session *> session = context.session();
                     const auto run = [&]() -> Result<T> {
                         if (!session)
                             return session.error();
                         ObjectCatalog catalog(session.value()->pg());
                         return read(catalog);
                     };
                     const Result<T> result = run();
                     Job::reply(self, [self, generation, done, result] {
                         if (self && generation == self->m_generation)
                             done(result);
                     });
                     if (!result)
                         return result.error();
                     return QString();
                 }));
    }

private:
    void post(SessionWorker *worker, Job *job);

    std::optional<SessionSpec> m_spec;
    QHash<QString, SessionWorker *> m_workers; // by database; the target's under ""
    int m_generation = 0;
};

} // namespace uaip
