#pragma once

#include <QString>

namespace uaip {

// What a cancel or terminate that was not refused came to: the server signalled the session,
// or the session was already gone (no client session has the pid any more, the pid now belongs
// to a session with another backend_start, or the backend ended before the signal reached it).
// message says it in one line for the user.
struct SessionOutcome
{
    bool signalled = false;
    bool gone = false;
    QString database; // the session's; empty when no session had the pid
    QString message;
};

} // namespace uaip
