#pragma once

#include "error/pgerror.h"

#include <QByteArray>
#include <QString>

namespace uaip {

class PgResult;

// A command's answer as the runner reads it: a value, so the outcome reading (StepOutcomeReader)
// is tested without a server.
struct CommandAnswer
{
    bool ok = false; // false also when no answer came (the command never ran)
    QByteArray commandTag; // "COMMIT", or "ROLLBACK" for a COMMIT of an aborted transaction
    QString firstValue; // the first row's first column, empty when none
    PgError error;

    static CommandAnswer of(const PgResult &result);
    static CommandAnswer succeeded(const QByteArray &tag = {}, const QString &value = {})
    {
        return CommandAnswer{true, tag, value, {}};
    }
    static CommandAnswer failed(const PgError &error)
    {
        return CommandAnswer{false, {}, {}, error};
    }
};

} // namespace uaip
