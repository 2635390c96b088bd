#pragma once

#include <QString>

namespace uaip {

// pg_stat_statements writes a typed literal's constant as a parameter: `interval '30 days'`
// becomes `interval $2`, `date '2026-01-01'` `date $3`, which does not parse. preparable()
// writes each such `TYPE $n` as `$n::TYPE`, found by libpg_query's scanner (PgTokens): a
// parameter right after a type name (an identifier, possibly schema-qualified, or INTERVAL,
// TIME, TIMESTAMP, and their WITH/WITHOUT TIME ZONE forms). Any other text is returned as it is.
class TypedLiteralRewrite
{
public:
    static QString preparable(const QString &query);
};

} // namespace uaip
