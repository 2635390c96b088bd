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
    m_spec = spec;
    if (m_spec)
        worker(QString());
}

QString ObjectSessions::targetDatabase() const
{
    return m_spec ? m_spec->profile.database : QString();
}

SessionWorker *ObjectSessions::worker(const QString &database)
{
    if (!m_spec)
        return nullptr;
    const QString key = database == m_spec->profile.database ? QString() : database;
    if (SessionWorker *w = m_workers.value(key))
        return w;
    SessionSpec spec = m_spec->withPurpose(QStringLiteral("objects"));
    if (!key.isEmpty())
        spec.profile.database = key;
    auto *w = new SessionWorker(spec, QStringLiteral("objects ") + key, this);
    m_workers.insert(key, w);
    return w;
}

void ObjectSessions::post(SessionWorker *worker, Job *job)
{
    worker->post(job);
}

} // namespace uaip
