#pragma once

#include "pgtypes.h"

#include <QDeadlineTimer>

namespace uaip {

class SessionCanceller;

// How a connection's thread waits for the server: on the connection's socket (libpq in
// non-blocking mode, so no libpq call blocks) and on its canceller's wake-up pipe, with the
// statement deadline and a cancel's grace period as the poll's timeout. On the way it sends the
// cancel asked for (SessionCanceller::cancel) or due (the deadline), and cuts the socket once the
// grace period after a request has run out, all on this thread: no other thread ever touches the
// connection. Every read of a result, a COPY row or a flush in app/core/db goes through here, and
// every wait while a connection is opened (forConnect).
class PgSocketWait
{
public:
    PgSocketWait(PGconn *connection, SessionCanceller &canceller);

    // While a connection is opened (PgConnector, between the canceller's beginConnect and
    // endConnect): waits until socket is ready for events (POLLIN, POLLOUT; a failed socket counts
    // as ready, its owner reads why), until deadline passes, or until the canceller's cancel()
    // ends the attempt.
    enum class ConnectWait { Ready, Cancelled, TimedOut, Failed };
    static ConnectWait forConnect(int socket, short events, SessionCanceller &canceller,
                                  const QDeadlineTimer &deadline);

    // Sends everything libpq has queued (reading input meanwhile, as libpq asks). False: the
    // connection failed or was cut.
    bool flush();
    // PQgetResult, called once it cannot block: the next result, or null at a command's end.
    PGresult *nextResult();
    // PQgetCopyData, waiting for a row: its length (the row in *buffer, PQfreemem it), -1 at the
    // COPY's end, -2 on failure.
    int copyData(char **buffer);
    // PQputCopyData and PQputCopyEnd, waiting while libpq's buffer is full. False: not sent.
    bool putCopyData(const char *data, int size);
    bool putCopyEnd(const char *errorMessage);

private:
    // Waits until the socket is ready for events (POLLIN, POLLOUT). False: the socket was cut
    // after an unanswered cancel, or poll failed; libpq then reports the connection lost.
    bool wait(short events);
    int timeoutMs() const;
    // Shuts the socket down and lets libpq read its end.
    void cut(int socket);

    PGconn *m_conn;
    SessionCanceller &m_canceller;
};

} // namespace uaip
