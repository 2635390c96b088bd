#pragma once

#include "queryshape.h"

#include <QCoreApplication>

#include <optional>

namespace uaip {

// Reads a normalized statement ($n for its constants, as pg_stat_statements keeps it) through
// libpg_query's typed parse tree: a SELECT, or an UPDATE or DELETE with a WHERE. Comparisons
// (=, <, >, <=, >=, IN, = ANY, BETWEEN, IS NULL) between a column and anything give equality or
// range uses; ORDER BY a column gives a sort use; every relation read anywhere in it
// (subqueries, CTEs, joins) is listed. nullopt, and why, for anything else: another kind of
// statement, more than one, text that does not parse, or no relation outside the catalogs.
class QueryShapeReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::QueryShapeReader)

public:
    static std::optional<QueryShape> read(const QString &query, QString *why);
};

} // namespace uaip
