#pragma once

#include "db/servertopology.h"
#include "error/error.h"
#include "ledger/ledgerevent.h"
#include "ledger/migrationstatus.h"
#include "ledger/runresult.h"
#include "lint/validationproblem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace uaip {

// Machine-readable forms of the engine's results, shared by every --json command.
class JsonFormat
{
public:
    // The text; null when it is empty (a field the server or the file left unset).
    static QJsonValue orNull(const QString &text);
    static QJsonObject status(const MigrationStatus &s);
    // role (primary|standby), primary_host (a standby's, when readable), pooled, host, port
    static QJsonObject server(const ServerTopology &t);
    static QJsonObject event(const LedgerEvent &e);
    static QJsonObject result(const QString &command, const RunResult &r);
    // The one shape of a problem in every command's "problems": file, line, column, message,
    // sqlstate (empty where the server said nothing), kind.
    static QJsonObject problem(const ValidationProblem &p, const QString &sqlState = QString());
    // A problem that is only a message (a blocker, a usage error).
    static QJsonObject problem(const QString &message);
    // Every command's failure: command, ok = false, exit_code, error (its words), code
    // (errorCodeName), args (its named facts), problems (the given ones, else the error as the
    // one problem), and where the server spoke sqlstate, detail, hint and position.
    static QJsonObject failure(const QString &command, int exitCode, const Error &error,
                               const QList<ValidationProblem> &problems = {});

private:
    // A run's failure: version, file, line, column, code (errorCodeName), sqlstate (empty but
    // where the server spoke), message, detail, hint, statement.
    static QJsonObject migrationFailure(const MigrationFailure &f);
    // An error's words without the server's SQLSTATE, detail and hint (they have keys of their
    // own): our text, then the server's message.
    static QString failureMessage(const Error &error);
};

} // namespace uaip
