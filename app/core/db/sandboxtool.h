#pragma once

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>

namespace uaip {

class SessionCanceller;

// Runs a PostgreSQL server program (initdb, pg_ctl, postgres --single) from the sandbox's server
// programs (bin: SandboxServerPrograms::binDir(major)): as the sandbox's OS user ("uaip-sandbox")
// when the process is root, in "/", without the caller's PG* variables (a PGPASSWORD or PGPASSFILE
// of the invoking user never reaches the server, nor the programs its superuser may run).
class SandboxTool
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SandboxTool)

public:
    // The program's output (both channels, trimmed) when it exited 0; otherwise an Error of code
    // Io whose text is that output, or why it did not run or finish (args "tool", "output";
    // "exit": its exit status, when it exited non-zero).
    // input: written to its standard input, which is then closed. canceller, cancelled: the
    // wait's (ProcessRun::setCanceller); a cancel ends the tool and the run with Cancelled.
    static Result<QString> run(const QString &bin, const QString &tool, const QStringList &args,
                               int timeoutMs = 120000, const QByteArray &input = QByteArray(),
                               SessionCanceller *canceller = nullptr,
                               const std::atomic_bool *cancelled = nullptr);
};

} // namespace uaip
