#include "dbjob.h"

#include "db/pgconnection.h"

#include <QCoreApplication>
#include <QThread>

namespace uaip {

DbJob::DbJob(const QString &title, QObject *parent)
    : QObject(parent)
    , m_title(title)
{ }

DbJob::~DbJob() = default;

void DbJob::cancel()
{
    m_cancelled = true;
    QMutexLocker locker(&m_mutex);
    if (m_cancelHook)
        m_cancelHook();
}

void DbJob::setCancelHook(std::function<void()> hook)
{
    QMutexLocker locker(&m_mutex);
    m_cancelHook = std::move(hook);
}

bool DbJob::openConnection(PgConnection &c, const QString &conninfo, QString *error)
{
    if (!c.open(conninfo, applicationName())) {
        *error = c.connectionError();
        return false;
    }
    setCancelHook([&c] { c.cancel(); });
    return true;
}

void DbJob::run()
{
    QString summary;
    const bool ok = !m_cancelled.load() && execute(&summary);
    setCancelHook({});
    m_ok = ok;
    m_summary = summary.isEmpty() && m_cancelled.load() ? tr("cancelled") : summary;
    // Back to the application thread, so the job can be deleted after its thread ends.
    if (QCoreApplication::instance() && thread() != QCoreApplication::instance()->thread())
        moveToThread(QCoreApplication::instance()->thread());
    emit finished(m_ok, m_summary);
}

} // namespace uaip
