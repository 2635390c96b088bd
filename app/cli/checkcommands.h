#pragma once

#include "forecast/lockforecastformat.h"
#include "ledger/migration.h"
#include "lint/lintfinding.h"
#include "lint/validationproblem.h"
#include "sqlparse/sqlsyntaxerror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace uaip {

class CliContext;

// validate, lint, verify: checks that change nothing.
class CheckCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CheckCommands)

public:
    static int validate(CliContext &ctx);
    static int lint(CliContext &ctx);
    static int verify(CliContext &ctx);

private:
    // One migration's up.sql as lint sees it.
    struct Linted
    {
        const Migration *migration = nullptr;
        QList<LintFinding> findings;
        std::optional<SqlSyntaxError> error;
        QList<ValidationProblem> refused; // by the plan check
    };
    struct Counts
    {
        int dangers = 0;
        int warnings = 0;
        int syntaxErrors = 0;
        int suppressed = 0; // -- uaip:allow, or SET NOT NULL a CHECK spares (lint --db)
    };

    // With --db or --sandbox: the live size of each table the findings lock (RelationSizes), by
    // the name a finding gives; empty without. nullopt when the read failed (reported).
    static std::optional<LockForecastFormat::Sizes> lintSizes(CliContext &ctx,
                                                              const QStringList &relations);
    // With a database (lint --db): SET NOT NULL whose column a validated CHECK (column IS NOT
    // NULL) on the live table proves does not scan, as the dry run and up's refusal judge it
    // (PlanForecastReader::setNotNullSpared): its finding is marked suppressed, with the reason.
    // False when the read failed (reported).
    static bool spareProvenNotNull(CliContext &ctx, QList<Linted> &linted);
    // With a database (lint --db): what up would refuse before its first statement on it (the
    // pending migrations' plan read and judged as up judges it, PlanForecastReader and
    // BlockingWorkGate, with --max-blocking-rows): a finding of that statement becomes a danger
    // saying so and why; a statement without one gets a refusal of its own. False when the
    // ledger or the sizes could not be read (reported).
    static bool refusedAsUp(CliContext &ctx, const QList<Migration> &migrations,
                            QList<Linted> &linted);
    // The problem up's gate found, marked on the findings of its statement (or as a refusal).
    static void markRefused(QList<Linted> &linted, const ValidationProblem &problem);
    // Prints and adds to items the migration's syntax error, refusals and findings (with their
    // table's live size when sizes has it).
    static void reportLinted(CliContext &ctx, const Linted &l,
                             const LockForecastFormat::Sizes &sizes, QJsonArray &items,
                             Counts &counts);
};

} // namespace uaip
