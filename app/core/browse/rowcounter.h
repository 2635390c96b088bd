#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

namespace uaip {

class Job;
class QueryBuilder;
class SessionWorker;

// The exact row count of a page query (count(*)) for PageLoader, as a job on the view's work
// session (not the browse session), so a long count never holds up the pages; cancellable on
// the server (Job::cancel). A count asked for by an older generation than live (a re-sort,
// re-filter or reload came after it) is skipped before it runs and dropped when it arrives.
class RowCounter : public QObject
{
    Q_OBJECT
public:
    explicit RowCounter(std::shared_ptr<std::atomic<quint64>> live, QObject *parent = nullptr);
    ~RowCounter() override;

    // The worker the counts run on (the loader's work session); null: none.
    void setWorker(SessionWorker *worker);
    // Counts the rows of qb; finished() reports unless stopped or stale by then.
    void start(const QueryBuilder &qb, quint64 generation);
    // Stops counting (server-side cancel); false if it was not counting.
    bool stop();
    bool isCounting() const { return m_counting; }

signals:
    // count < 0: it failed, error says why.
    void finished(qint64 count, const QString &error);

private:
    QPointer<SessionWorker> m_worker;
    QPointer<Job> m_job;
    std::shared_ptr<std::atomic<quint64>> m_live;
    bool m_counting = false;
};

} // namespace uaip
