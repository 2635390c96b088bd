#pragma once

#include <QtGlobal>

namespace uaip {

// Keeps one statement of QPSQL's open from reaching the server: Qt 6.4's QPSQLDriver::open()
// sends `SET bytea_output TO escape` on every connection, a session setting. Behind a
// transaction pooler that SET lands on whichever pooled backend the pooler picks and stays there
// for the pool's other clients (PgBouncer cannot track it: the server does not report
// bytea_output), while the session's next statement may run on another backend (measured:
// 9 of 20 pooled backends left with escape, tests/bench/bench_qpsql_pooler).
//
// How: the project defines libpq's PQexec (exported from every binary that links uaip_core,
// so the dynamically loaded QPSQL plugin binds to it) and forwards every call to libpq's own,
// except that exact statement while a QpsqlOpenGuard is alive on the calling thread: that one
// is answered "SET" without a round trip. Nothing else is ever filtered, and outside an open
// (a user's own statement, any other thread) the SET goes through. QPSQL reads bytea with
// PQunescapeBytea, which takes the hex output as well.
class QpsqlOpenGuard
{
public:
    QpsqlOpenGuard();
    ~QpsqlOpenGuard();
    QpsqlOpenGuard(const QpsqlOpenGuard &) = delete;
    QpsqlOpenGuard &operator=(const QpsqlOpenGuard &) = delete;

    // The statement kept from the server, QPSQL's spelling.
    static constexpr char kByteaOutputEscape[] = "SET bytea_output TO escape";

    // Whether PQexec answers `query` itself: a guard is alive on this thread and `query` is
    // the statement above. Counts each time it does.
    static bool swallows(const char *query);
    // How many times, in this process (the screenshot mode and the tests log it).
    static quint64 swallowed();
};

} // namespace uaip
