#pragma once

#include "error/result.h"

#include <QCoreApplication>

namespace uaip {

class CliContext;
class InsightsCapabilities;
struct IndexAction;

// insights migrate INDEX [--name NAME] [--dry-run] [--bloat]: the proposed index INDEX, or the
// finding about the index INDEX ([schema.]name), as a proved no-transaction migration written
// into --dir (IndexMigrationBuilder; exit 3 when it cannot be made or proved; InsightsCommands).
class InsightsMigrateCommand
{
    Q_DECLARE_TR_FUNCTIONS(uaip::InsightsMigrateCommand)

public:
    static int run(CliContext &ctx, const InsightsCapabilities &caps);

private:
    // The actions INDEX ([schema.]name) names among the index findings, else among the
    // proposed indexes (the advice is read only then).
    static Result<QList<IndexAction>> actionsNamed(CliContext &ctx,
                                                   const InsightsCapabilities &caps,
                                                   const QString &wanted, QString *unavailable);
};

} // namespace uaip
