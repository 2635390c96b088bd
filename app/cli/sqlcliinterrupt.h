#pragma once

#include "error/error.h"
#include "interruptwatch.h"
#include "sqlparse/textposition.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <memory>

namespace uaip {

class PgConnection;
class ReadingLogins;
class SessionCanceller;

// Ctrl-C (SIGINT) or SIGTERM while `sql` or `explain` runs its statements: the statement running
// on the connection then is cancelled at the server (SQLSTATE 57014: its transaction is rolled
// back), none after it starts, and the command ends Cancelled (exit 1) with cancelled(). While
// this object lives the connection's work is one unit for its canceller, so a signal between two
// commands cancels the next one; a second signal ends the process the default way
// (InterruptWatch).
class SqlCliInterrupt
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlCliInterrupt)

public:
    // readers: where the statements of a guarded run go (the reader login's session is
    // cancelled too); it must outlive this.
    SqlCliInterrupt(PgConnection &connection, const ReadingLogins &readers);
    ~SqlCliInterrupt();
    SqlCliInterrupt(const SqlCliInterrupt &) = delete;
    SqlCliInterrupt &operator=(const SqlCliInterrupt &) = delete;

    // Set once a signal came (the flag SqlRunner::run checks between statements).
    const std::atomic_bool &flag() const { return m_interrupted; }
    bool interrupted() const { return m_interrupted.load(); }
    // The exit code of a cancelled command.
    static constexpr int kExitCode = 1;
    // The command's end, cancelled at the statement at where:at (path, line, column).
    static Error cancelled(const QString &where, const TextPosition &at);

private:
    std::shared_ptr<SessionCanceller> m_canceller;
    std::atomic_bool m_interrupted{false};
    InterruptWatch m_watch; // last: stopped first, before what its thread uses
};

} // namespace uaip
