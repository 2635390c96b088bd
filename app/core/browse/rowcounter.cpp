#include "rowcounter.h"

#include "browse/dbworker.h"
#include "browse/querybuilder.h"
#include "util/sqlresource.h"

#include <QPointer>

namespace uaip {

RowCounter::RowCounter(std::shared_ptr<std::atomic<quint64>> live, QObject *parent)
    : QObject(parent)
    , m_live(std::move(live))
{ }

RowCounter::~RowCounter() = default;

void RowCounter::setConnection(const QString &conninfo)
{
    m_conninfo = conninfo;
    m_worker.reset();
}

void RowCounter::start(const QueryBuilder &qb, quint64 generation)
{
    if (!m_worker)
        m_worker = std::make_unique<DbWorker>(m_conninfo, QStringLiteral("uaip-admin count"));
    m_counting = true;
    const quint64 gen = generation;
    QPointer<RowCounter> self(this);
    m_worker->post([self, gen, live = m_live, qb](PgConnection &c) {
        if (live->load() != gen)
            return;
        qint64 count = -1;
        QString error;
        if (!c.isOpen()) {
            error = c.connectionError();
        } else {
            if (qb.usesFreeClause())
                c.exec(SqlResource::get(QStringLiteral("browse/sql/readonly_begin.sql")));
            const BoundSql sql = qb.count();
            const PgResult r = c.exec(sql.sql, sql.params);
            if (r.ok())
                count = r.value(0, 0).toLongLong();
            else
                error = r.handle() ? r.error().toString() : c.connectionError();
            if (qb.usesFreeClause())
                c.exec(SqlResource::get(QStringLiteral("browse/sql/rollback.sql")));
        }
        DbWorker::reply(self, [self, gen, count, error] {
            if (!self || gen != self->m_live->load() || !self->m_counting)
                return;
            self->m_counting = false;
            emit self->finished(count, error);
        });
    });
}

bool RowCounter::stop()
{
    if (!m_counting)
        return false;
    m_counting = false;
    if (m_worker)
        m_worker->cancel();
    return true;
}

} // namespace uaip
