#pragma once

#include "db/pgerror.h"

#include <QString>

namespace uaip {

class PgConnection;

// Production, the user's transaction, before the name is typed: the run in a savepoint, and
// whether it made the transaction take an xid (it wrote, through a view, a rule or a trigger
// the verdict cannot see).
class GuardSavepoint
{
public:
    explicit GuardSavepoint(PgConnection &connection);

    // SAVEPOINT, and the transaction's xid before the run; false with the error in *error.
    bool open(PgError *error);
    // Releases the savepoint, rolled back to first when the run made the transaction take an
    // xid: true then (what the statements did is undone).
    bool releaseUndoingWrites();

private:
    PgConnection &m_connection;
    QString m_xidBefore;
};

} // namespace uaip
