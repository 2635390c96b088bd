#include "rowcounter.h"

#include "db/session.h"
#include "db/transaction.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "querybuilder.h"

#include <optional>

namespace uaip {

namespace {

Result<qint64> count(PgConnection &c, const QueryBuilder &qb)
{
    std::optional<Transaction> readOnly; // a free WHERE clause: READ ONLY, rolled back
    if (qb.usesFreeClause()) {
        readOnly.emplace(c);
        if (Status s = readOnly->begin(TransactionOptions::readOnlyRolledBack()); !s)
            return s.error();
    }
    const BoundSql sql = qb.count();
    const PgResult r = c.exec(sql.sql, sql.params);
    c.notices().take();
    if (!r.ok())
        return Error(r.error());
    return r.value(0, 0).toLongLong();
}

} // namespace

RowCounter::RowCounter(std::shared_ptr<std::atomic<quint64>> live, QObject *parent)
    : QObject(parent)
    , m_live(std::move(live))
{ }

RowCounter::~RowCounter() = default;

void RowCounter::setWorker(SessionWorker *worker)
{
    stop();
    m_worker = worker;
}

void RowCounter::start(const QueryBuilder &qb, quint64 generation)
{
    if (!m_worker)
        return;
    m_counting = true;
    const quint64 gen = generation;
    QPointer<RowCounter> self(this);
    auto *job = new FunctionJob(
        tr("Count rows"), [self, gen, live = m_live, qb](JobContext &context) -> Result<QString> {
            if (live->load() != gen)
                return QString();
            Result<Session *> session = context.session();
            const Result<qint64> n
                = session ? count(session.value()->pg(), qb) : Result<qint64>(session.error());
            const qint64 rows = n ? n.value() : -1;
            const QString error = n ? QString() : n.error().toString();
            Job::reply(self, [self, gen, rows, error] {
                if (!self || gen != self->m_live->load() || !self->m_counting)
                    return;
                self->m_counting = false;
                emit self->finished(rows, error);
            });
            if (!n)
                return n.error();
            return QString();
        });
    m_job = job;
    m_worker->post(job);
}

bool RowCounter::stop()
{
    if (!m_counting)
        return false;
    m_counting = false;
    if (m_job)
        m_job->cancel();
    return true;
}

} // namespace uaip
