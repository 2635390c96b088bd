#pragma once

#include "migration.h"

#include <QCoreApplication>
#include <QList>

namespace uaip {

// The pairs of an online change (expand/contract) in one folder: a migration whose up.sql says
// "-- uaip:contract-of VERSION" must name a migration of the same folder whose up.sql says
// "-- uaip:expand", older than itself. A contract that does not is given a problem at the
// directive's line (its upProblems), so that no plan that runs it gets past the plan check,
// like a bad directive.
class ContractPairs
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ContractPairs)

public:
    // The problems of each contract of migrations (sorted by version or not), added to its
    // upProblems; every problem found, in the order of migrations.
    static QList<ValidationProblem> check(QList<Migration> &migrations);
    // The migration a contract names (its uaip:contract-of), or nullptr when it names none of
    // migrations or is no contract.
    static const Migration *expandOf(const Migration &contract, const QList<Migration> &migrations);
};

} // namespace uaip
