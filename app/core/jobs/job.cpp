#include "job.h"

#include "db/sessioncanceller.h"
#include "jobcontext.h"

#include <QMutexLocker>

namespace uaip {

Job::Job(const QString &title, QObject *parent)
    : QObject(parent)
    , m_title(title)
{ }

Job::~Job() = default;

void Job::cancel()
{
    m_cancelled = true;
    std::vector<std::function<void()>> actions;
    {
        QMutexLocker lock(&m_mutex);
        for (const auto &[id, action] : m_cancelActions)
            actions.push_back(action);
    }
    // The job's own flags first: the server's answer to the cancel below ("canceling statement
    // due to user request") may come back at once, and what reads it must already see that the
    // user asked (the SQL view said the error instead of "cancelled").
    for (const auto &action : actions)
        action();
    QMutexLocker lock(&m_mutex);
    // Under the lock the worker clears the canceller with before its next job begins: a cancel
    // of this job never lands in the next one's work (SessionCanceller::cancel() never blocks
    // and never takes this lock).
    if (m_sessionCanceller)
        m_sessionCanceller->cancel();
}

void Job::setSessionCanceller(std::shared_ptr<SessionCanceller> canceller)
{
    QMutexLocker lock(&m_mutex);
    m_sessionCanceller = std::move(canceller);
}

int Job::addCancelAction(std::function<void()> action)
{
    QMutexLocker lock(&m_mutex);
    const int id = ++m_nextActionId;
    m_cancelActions.emplace(id, std::move(action));
    return id;
}

void Job::removeCancelAction(int id)
{
    QMutexLocker lock(&m_mutex);
    m_cancelActions.erase(id);
}

QString Job::failureSummary(const Error &error) const
{
    return error.toString();
}

void Job::runOn(JobContext &context)
{
    emit started();
    const Result<QString> result = m_cancelled.load()
        ? Result<QString>(Error(ErrorCode::Cancelled, tr("cancelled")))
        : execute(context);
    setSessionCanceller({});
    {
        QMutexLocker lock(&m_mutex);
        m_cancelActions.clear();
    }
    m_ok = result.ok();
    QString summary;
    if (m_ok) {
        summary = result.value();
    } else {
        // A failure without an error of its own is still one (an Error without words).
        m_error = result.error().isSet() ? result.error() : Error(ErrorCode::Internal, QString());
        summary = failureSummary(m_error);
    }
    m_summary = summary.isEmpty() && m_cancelled.load() ? tr("cancelled") : summary;
    m_finished = true;
    emit finished(m_ok, m_summary);
    afterFinished(context);
}

void Job::afterFinished(JobContext &)
{ }

void Job::finishUnrun()
{
    m_ok = false;
    m_summary = tr("cancelled");
    m_error = Error(ErrorCode::Cancelled, m_summary);
    m_finished = true;
    emit finished(false, m_summary);
}

} // namespace uaip
