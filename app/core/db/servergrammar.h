#pragma once

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace uaip {

class PgConnection;

// The server's own grammar on one statement, without running it: the statement is sent as the
// body of a temporary SQL function with a polymorphic argument, which the server only runs
// through its raw parser (for such a function it cannot analyse the body: nothing is looked up,
// nothing runs), with check_function_bodies on, in a transaction that is always rolled back.
// For what the console's parser cannot read (syntax newer than it): the target's own version
// says whether it is SQL at all (ServerSyntaxCheck, SqlRunGate).
class ServerGrammar
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ServerGrammar)

public:
    struct SyntaxError
    {
        QString message; // the server's
        int position = 0; // 1-based character in the statement (1 when the server gave none)
    };
    // The server's syntax error of statement, or none. An error when the server could not be
    // asked (no TEMP right, a read-only session, a lost connection): the statement then stays
    // unchecked.
    static Result<std::optional<SyntaxError>> check(PgConnection &connection,
                                                    const QByteArray &statement);
};

} // namespace uaip
