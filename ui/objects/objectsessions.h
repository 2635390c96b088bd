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
#include <QSet>

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
    // The worker of a database ("" or the target's: the target's own); made on first use. It
    // stays until the target changes (a node of that database was expanded).
    SessionWorker *worker(const QString &database);
    // Ends the sessions made only for a search (read with transient true) that nothing else
    // used since: a console never keeps idle sessions on every database of the server, where
    // they would hold up another user's DROP DATABASE or ALTER DATABASE ... RENAME.
    void releaseTransient();
    // Whether database has a session now that no search made (the target's, an expanded node's).
    bool isKept(const QString &database) const;
    // How many of the open sessions are a search's, not yet released; for tests.
    int transientDatabases() const { return int(m_transient.size()); }

    template<typename T>
    using Read = std::function<Result<T>(ObjectCatalog &catalog)>;
    template<typename T>
    using ReadOn = std::function<Result<T>(PgConnection &connection)>;
    template<typename T>
    using Done = std::function<void(const Result<T> &result)>;

    // Runs read on database's session; done gets its result on the GUI thread, unless the
    // target changed meanwhile. Nothing happens without a target.
    // transient: a search's read, whose session releaseTransient() ends unless a read that was
    // not transient used it too.
    template<typename T>
    void read(const QString &database, const QString &title, Read<T> read, Done<T> done,
              bool transient = false)
    {
        readOn<T>(
            database, title,
            [read](PgConnection &connection) {
                ObjectCatalog catalog(connection);
                return read(catalog);
            },
            std::move(done), transient);
    }

    // read() with the session's connection itself (for readers beside ObjectCatalog).
    template<typename T>
    void readOn(const QString &database, const QString &title, ReadOn<T> read, Done<T> done,
                bool transient = false)
    {
        SessionWorker *w = transient ? transientWorker(database) : worker(database);
        if (!w)
            return;
        const QPointer<ObjectSessions> self(this);
        const int generation = m_generation;
        post(w,
             new FunctionJob(
                 title, [self, generation, read, done](JobContext &context) -> Result<QString> {
                     const Result<Session *> session = context.session();
                     const Result<T> result
                         = session ? read(session.value()->pg()) : Result<T>(session.error());
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
    // worker(), but one made here is a search's until worker() asks for it.
    SessionWorker *transientWorker(const QString &database);
    QString keyOf(const QString &database) const;

    std::optional<SessionSpec> m_spec;
    QHash<QString, SessionWorker *> m_workers; // by database; the target's under ""
    QSet<QString> m_transient; // keys of the workers only searches used
    int m_generation = 0;
};

} // namespace uaip
