#include "pgnotices.h"

#include <libpq-fe.h>

#include <utility>

namespace uaip {

QStringList PgNotices::take()
{
    m_dropped = 0;
    return std::exchange(m_notices, {});
}

void PgNotices::receive(void *arg, const PGresult *result)
{
    auto *self = static_cast<PgNotices *>(arg);
    if (self->m_notices.size() >= kMax) {
        self->m_notices.removeFirst();
        ++self->m_dropped;
    }
    self->m_notices << QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
}

} // namespace uaip
