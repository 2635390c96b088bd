#pragma once

#include "indexadvice.h"
#include "insights/skippedquery.h"

#include <QList>
#include <QSet>

namespace uaip {

// IndexAdvisor's result: the proposed indexes, biggest saving first; the statements it could not
// try or found no clear gain for, each with why; how many hypothetical indexes it planned with.
struct AdviceReport
{
    QList<IndexAdvice> advice;
    QList<SkippedQuery> skipped;
    int statementsTried = 0;
    QString notPlanned; // why no statement was planned (GenericPlan::actAs), when none was
    int hypotheticalIndexes = 0;
    // Statements whose candidates include the columns pg_qualstats saw them compare, and why
    // pg_qualstats could not be read where it is installed (empty when it was, or is absent).
    int qualstatsStatements = 0;
    QString qualstatsUnread;
    // The existing indexes the planned statements' generic plans use now (by name): none
    // is proposed for dropping as unused (IndexHealthRules::keepIndexesPlansUse).
    QSet<QString> indexesInPlans;
};

} // namespace uaip
