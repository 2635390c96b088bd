#pragma once

#include "pgsocketwait.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QList>
#include <QString>

namespace uaip {

class SessionCanceller;

// A host name's addresses, looked up for PgConnector (getaddrinfo, as libpq would: any family,
// stream sockets, in the resolver's order) as a DetachedCall, while the opening thread
// waits in PgSocketWait::forConnect: a cancel or the deadline ends the wait at once (the lookup
// ends on its own and frees what it found). An address given as one needs no lookup.
class HostResolver
{
    Q_DECLARE_TR_FUNCTIONS(uaip::HostResolver)

public:
    struct Found
    {
        PgSocketWait::ConnectWait wait = PgSocketWait::ConnectWait::Ready;
        QList<QByteArray> addresses; // numeric, as text
        int error = 0; // getaddrinfo's (EAI_*), 0 when found
        QString message; // when error: libpq's sentence, with the resolver's reason
    };

    static Found resolve(const QByteArray &host, SessionCanceller &canceller,
                         const QDeadlineTimer &deadline);
};

} // namespace uaip
