#pragma once

#include "forecast/planforecast.h"

#include "error/status.h"

#include <QCoreApplication>
#include <QSet>

namespace uaip {

class PgConnection;

// Which ALTER COLUMN ... TYPE changes of a plan PostgreSQL does without rewriting the table, read
// from the live catalog (live/sql/column_type_changes.sql: binary coercion by pg_cast, the
// widening a length coercion's support function turns into a relabel; PostgreSQL 15's
// ATColumnChangeRequiresRewrite): varchar(20) to varchar(50) or to text, text to varchar,
// numeric(10,2) to numeric(12,2), a longer bit varying, a finer timestamp. A lock whose type
// changes all are such loses maybeRewrites (it keeps its ACCESS EXCLUSIVE, for a moment), with
// a note; any other change, a USING expression, a table the plan creates or a column an earlier
// statement of the plan changes stays a possible rewrite. The dry run and the run read the
// forecast through the same PlanForecastReader, so both decide alike.
class TypeChangeRewrites
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TypeChangeRewrites)

public:
    // anySchema: the relations matched in every schema (the plan set its own search_path):
    // not asked, they stay possible rewrites.
    static Status spareCatalogOnly(PgConnection &connection, PlanForecast &forecast,
                                   const QSet<QString> &anySchema);
};

} // namespace uaip
