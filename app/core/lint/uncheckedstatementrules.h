#pragma once

#include "sqlparse/sqlsplitresult.h"
#include "validationproblem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace uaip {

// The plan check's rules that need a statement's tree (ScriptStatementRules: transaction
// control, the runner's lock released, COPY with the client, what cannot run in a transaction)
// cannot read a statement the console's parser cannot read (SqlSplitResult::unchecked, on a
// newer server). Such a statement is refused when its scanner's tokens show it may break one of
// them — a transaction command as its first word, pg_advisory_unlock*, COPY, or in a migration
// that runs in a transaction VACUUM or CONCURRENTLY — rather than run unchecked: written in
// syntax the parser reads, every rule reads it.
class UncheckedStatementRules
{
    Q_DECLARE_TR_FUNCTIONS(uaip::UncheckedStatementRules)

public:
    static QList<ValidationProblem> check(const QString &path, const SqlSplitResult &split,
                                          bool noTransaction);
};

} // namespace uaip
