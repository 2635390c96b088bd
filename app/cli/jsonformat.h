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
    // Every command's failure: command, ok = false, exit_code, error, problems.
    static QJsonObject failure(const QString &command, int exitCode, const QString &message,
                               const QList<ValidationProblem> &problems = {});
    // The same for an Error: error (its words), code (errorCodeName), args (its named facts),
    // and where the server spoke sqlstate, detail, hint and position.
    static QJsonObject failure(const QString &command, int exitCode, const Error &error);
};

} // namespace uaip
