#include "objectsessions.h"

#include "jobs/sessionworker.h"

namespace uaip {

ObjectSessions::ObjectSessions(QObject *parent)
    : QObject(parent)
{ }

ObjectSessions::~ObjectSessions()
{
    qDeleteAll(m_workers); // retires them: nothing waits
}

void ObjectSessions::setTarget(const std::optional<SessionSpec> &spec)
{
    ++m_generation;
    qDeleteAll(m_workers);
    m_workers.clear();
    m_transient.clear();
    m_spec = spec;
    if (m_spec)
        worker(QString());
}

QString ObjectSessions::targetDatabase() const
{
    return m_spec ? m_spec->profile.database : QString();
}

QString ObjectSessions::keyOf(const QString &database) const
{
    return database == m_spec->profile.database ? QString() : database;
}

SessionWorker *ObjectSessions::worker(const QString &database)
{
    SessionWorker *w = transientWorker(database);
    if (m_spec)
        m_transient.remove(keyOf(database));
    return w;
}

SessionWorker *ObjectSessions::transientWorker(const QString &database)
{
    if (!m_spec)
        return nullptr;
    const QString key = keyOf(database);
    if (SessionWorker *w = m_workers.value(key))
        return w;
    SessionSpec spec = m_spec->withPurpose(QStringLiteral("objects"));
    if (!key.isEmpty())
        spec.profile.database = key;
    auto *w = new SessionWorker(spec, QStringLiteral("objects ") + key, this);
    m_workers.insert(key, w);
    if (!key.isEmpty())
        m_transient.insert(key);
    return w;
}

bool ObjectSessions::isKept(const QString &database) const
{
    if (!m_spec)
        return false;
    const QString key = keyOf(database);
    return m_workers.contains(key) && !m_transient.contains(key);
}

void ObjectSessions::releaseTransient()
{
    for (const QString &key : std::as_const(m_transient))
        delete m_workers.take(key); // retires it: its session ends, nothing waits
    m_transient.clear();
}

void ObjectSessions::post(SessionWorker *worker, Job *job)
{
    worker->post(job);
}

} // namespace uaip
