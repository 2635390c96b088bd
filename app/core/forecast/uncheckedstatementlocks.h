#pragma once

#include "lockforecast.h"

#include <QByteArray>
#include <QStringList>

namespace uaip {

// The worst a statement the console's parser cannot read may lock (syntax newer than the
// parser: SqlSplitResult::unchecked): ACCESS EXCLUSIVE, and a rewrite, on every relation it
// names. Which words of it name relations the text alone does not tell, so every name it holds
// — an unquoted or quoted identifier, or a keyword a name may be, alone or dotted (a.b, a.b.c)
// — is a candidate, marked guessed: the plan forecast keeps those that are relations of the live
// database (PlanForecastReader) and drops the rest; nothing else shows them.
class UncheckedStatementLocks
{
public:
    // The candidate names as the statement writes them (quoted ones with their quotes), each
    // once, in order.
    static QStringList names(const QByteArray &statement);
    // forecast marked not checked (why: the parser's words) with a guessed lock per name.
    static void assumeWorst(LockForecast &forecast, const QByteArray &statement,
                            const QString &why);
};

} // namespace uaip
