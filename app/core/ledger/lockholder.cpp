#include "lockholder.h"

namespace uaip {

QString LockHolder::describe() const
{
    if (pid == 0)
        return tr("an unknown session (it may have just finished)");
    return tr("pid %1, user %2, application \"%3\" from %4, connected since %5, current "
              "statement since %6")
        .arg(pid)
        .arg(user, application, client, sessionStart, queryStart);
}

} // namespace uaip
