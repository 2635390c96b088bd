#pragma once

#include "sqlstatement.h"
#include "sqlsyntaxerror.h"

#include <QList>

#include <optional>

namespace uaip {

// What SqlSplitter::split returns: the statements, or the syntax error that stopped it
// (then statements is empty).
struct SqlSplitResult
{
    QList<SqlStatement> statements;
    std::optional<SqlSyntaxError> error;

    bool ok() const { return !error.has_value(); }
};

} // namespace uaip
