#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

class PgConnection;

// The SQL console's statement timeout, kept by the client: for the scope of this object, what
// runs on the connection is cancelled once ms have passed (PgConnection::setStatementDeadline:
// the connection's own wait on the server sends the cancel, no thread or timer), and the
// statement fails with 57014. No statement_timeout is set on the server: a session setting would
// stay on a pooled backend behind a transaction pooler and reach the next client. ms <= 0: no
// deadline.
class StatementDeadline
{
    Q_DECLARE_TR_FUNCTIONS(uaip::StatementDeadline)

public:
    StatementDeadline(PgConnection &connection, int ms);
    ~StatementDeadline();
    StatementDeadline(const StatementDeadline &) = delete;
    StatementDeadline &operator=(const StatementDeadline &) = delete;

    // Whether the deadline passed and cancelled what ran.
    bool expired() const;
    // "cancelled after N s (statement timeout)"
    static QString message(int ms);

private:
    PgConnection &m_connection;
};

} // namespace uaip
