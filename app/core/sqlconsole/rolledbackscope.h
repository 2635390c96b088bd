#pragma once

#include "db/dbresult.h"

#include <QByteArray>

namespace uaip {

class PgConnection;

// A transaction that is always rolled back, for running a statement whose effects must not
// stay (EXPLAIN ANALYZE, the SQL console's CSV export on guarded profiles): BEGIN, or a
// savepoint when a transaction is open; READ ONLY on request (SET TRANSACTION READ ONLY in a
// savepoint, which ROLLBACK TO undoes). end() (or the destructor) rolls it back.
class RolledBackScope
{
public:
    RolledBackScope(PgConnection &connection, bool readOnly);
    ~RolledBackScope();
    RolledBackScope(const RolledBackScope &) = delete;
    RolledBackScope &operator=(const RolledBackScope &) = delete;

    // Whether it opened: the error otherwise (and nothing to end).
    const DbStatus &status() const { return m_status; }
    void end();

private:
    PgConnection &m_connection;
    DbStatus m_status;
    bool m_savepoint = false;
    bool m_open = false;
};

} // namespace uaip
