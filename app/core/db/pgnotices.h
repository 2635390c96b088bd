#pragma once

#include "pgtypes.h"

#include <QStringList>

namespace uaip {

// The notices (RAISE NOTICE, warnings) a connection received, as libpq's notice receiver hands
// them over (receive(), installed by PgConnection::open): at most kMax are kept, the newest, so
// a long-lived session never piles them up. Used on the connection's own thread.
class PgNotices
{
public:
    static constexpr int kMax = 200;

    // Every notice kept since the last take(), oldest first.
    QStringList take();
    // How many were dropped (more than kMax arrived) since the last take().
    qint64 dropped() const { return m_dropped; }

    // libpq's notice receiver; arg is the PgNotices.
    static void receive(void *arg, const PGresult *result);

private:
    QStringList m_notices;
    qint64 m_dropped = 0;
};

} // namespace uaip
