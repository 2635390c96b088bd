#pragma once

#include "error/error.h"
#include "sqlconsole/sqlguard.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace uaip {

class CliContext;
struct SqlSyntaxError;

// What `sql` and `explain` read from the command line: the text (-c SQL or -f FILE, with the
// name errors are reported against) and the guards (--read-only, --production, --confirm).
class SqlCliInput
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SqlCliInput)

public:
    QByteArray text;
    QString where; // "-c" or the file's path

    // The text, or nullopt after reporting the problem (exit code 2) through ctx.
    static std::optional<SqlCliInput> read(CliContext &ctx, const QString &command, int *exitCode);
    // The text's syntax error at its place ("where:line:col: message"): BadInput, with path,
    // line and column.
    Error syntaxError(const SqlSyntaxError &error) const;
    // The guard --read-only / --production ask for, on database; the name --confirm typed.
    static SqlGuard guard(CliContext &ctx, const QString &database, QString *confirmed);
};

} // namespace uaip
