#pragma once

#include "queryshape.h"

#include "error/result.h"

#include <QCoreApplication>

#include <optional>

namespace uaip {

// Reads a normalized statement ($n for its constants, as pg_stat_statements keeps it) through
// libpg_query's typed parse tree: a SELECT, or an UPDATE or DELETE with a WHERE. Comparisons
// (=, <, >, <=, >=, IN, = ANY, BETWEEN, IS NULL) between a column and anything give equality or
// range uses; ORDER BY a column gives a sort use; every relation read anywhere in it
// (subqueries, CTEs, joins) is listed. The error, saying why, for anything else: text that does
// not parse (BadInput, its "line" and "column"), more than one statement (BadInput, how many:
// "statements"), another kind of statement (Refused), or no relation outside the catalogs
// (NotFound).
class QueryShapeReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::QueryShapeReader)

public:
    static Result<QueryShape> read(const QString &query);
};

} // namespace uaip
