#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace uaip {

class DbWorker;
class QueryBuilder;

// The exact row count of a page query (count(*)) for PageLoader, on a worker connection of
// its own so a long count never holds up the pages; cancellable on the server. A count asked
// for by an older generation than live (a re-sort, re-filter or reload came after it) is
// skipped before it runs and dropped when it arrives.
class RowCounter : public QObject
{
    Q_OBJECT
public:
    explicit RowCounter(std::shared_ptr<std::atomic<quint64>> live, QObject *parent = nullptr);
    ~RowCounter() override;

    // The connection is opened with the first count.
    void setConnection(const QString &conninfo);
    // Counts the rows of qb; finished() reports unless stopped or stale by then.
    void start(const QueryBuilder &qb, quint64 generation);
    // Stops counting (server-side cancel); false if it was not counting.
    bool stop();
    bool isCounting() const { return m_counting; }

signals:
    // count < 0: it failed, error says why.
    void finished(qint64 count, const QString &error);

private:
    QString m_conninfo;
    std::unique_ptr<DbWorker> m_worker;
    std::shared_ptr<std::atomic<quint64>> m_live;
    bool m_counting = false;
};

} // namespace uaip
