#pragma once

#include "migrate/ledgerevent.h"
#include "migrate/migrationstatus.h"
#include "migrate/runresult.h"

#include <QJsonObject>

namespace uaip {

// Machine-readable forms of the engine's results, shared by every --json command.
class JsonFormat
{
public:
    static QJsonObject status(const MigrationStatus &s);
    static QJsonObject event(const LedgerEvent &e);
    static QJsonObject result(const QString &command, const RunResult &r);
};

} // namespace uaip
