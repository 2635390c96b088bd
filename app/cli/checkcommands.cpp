#include "checkcommands.h"

#include "jsonformat.h"

#include "clicontext.h"
#include "db/sandbox.h"
#include "differencejson.h"
#include "drift/migrationverifier.h"
#include "forecast/relationsizes.h"
#include "lint/scriptchecker.h"
#include "lint/sqllinter.h"
#include "live/blockingworkgate.h"
#include "live/planforecastreader.h"
#include "migrate/migrationplanner.h"
#include "migrate/migrationrunner.h"
#include "migrate/migrationvalidator.h"
#include "migrate/serversyntaxcheck.h"
#include "sqlparse/parsetreenames.h"
#include "util/visibletext.h"

#include <QJsonArray>
#include <QJsonObject>

namespace uaip {

namespace {

QJsonArray differencesJson(const QList<SchemaSnapshot::Difference> &diffs)
{
    QJsonArray out;
    for (const auto &d : diffs)
        out.append(d.describe());
    return out;
}

// The first of up.sql's statements the parser cannot read that the server's grammar refuses,
// placed in the file; none where it accepts them all or cannot be asked.
std::optional<SqlSyntaxError> serverSyntaxError(PgConnection &server, const Migration &m)
{
    for (const UncheckedStatement &u : m.upSplit.unchecked) {
        const SqlStatement &statement = m.upSplit.statements.at(u.index);
        const Result<std::optional<SqlSyntaxError>> checked
            = ServerSyntaxCheck::check(server, statement.text);
        if (!checked || !*checked)
            continue;
        SqlSyntaxError e = **checked;
        e.offset += statement.offset;
        e.position = TextPosition::fromOffset(m.upSql, e.offset);
        return e;
    }
    return std::nullopt;
}

} // namespace

int CheckCommands::validate(CliContext &ctx)
{
    const MigrationSource *source = ctx.source(CliContext::SourceUse::Check);
    const bool offline = ctx.parser().isSet(QStringLiteral("offline"));
    // syntax newer than the parser's is the target's to judge (--pg, or the server's version)
    const int serverVersion = ctx.targetServerVersion(offline);
    if (serverVersion < 0)
        return 2;
    QList<ValidationProblem> problems;
    for (const QString &e : source->folderErrors()) // the files' own: checkSyntax
        problems << ValidationProblem{QStringLiteral("source"), QString(), 0, 0, e};
    problems += MigrationValidator::checkSyntax(
        MigrationPlanner::admitted(source->migrations(), serverVersion));
    bool ledgerChecked = false;
    if (!offline) {
        PgConnection *c = ctx.connect();
        if (!c)
            return 2;
        MigrationRunner runner(*c, source->migrations(), ctx.runnerOptions());
        const auto statuses = runner.status();
        if (!statuses)
            return ctx.fail(2, Error(statuses.error()).in(tr("cannot read the ledger")));
        problems += MigrationValidator::checkLedger(statuses.value());
        // what the console's parser cannot read, read by the server's own grammar
        for (const bool up : {true, false})
            if (const Result<QList<ValidationProblem>> server
                = ServerSyntaxCheck::plan(*c, statuses.value(), up))
                problems += server.value();
        ledgerChecked = true;
    }
    QJsonArray items;
    for (const ValidationProblem &p : problems) {
        items.append(JsonFormat::problem(p));
        ctx.out().line(p.describe());
    }
    //: %n migrations; %1 the number of problems
    ctx.out().line((ledgerChecked
                        ? tr("%n migration(s) checked against the ledger of %2: %1 problem(s)",
                             nullptr, int(source->migrations().size()))
                              .arg(problems.size())
                              .arg(ctx.describeTarget())
                        : tr("%n migration(s) checked offline: %1 problem(s)", nullptr,
                             int(source->migrations().size()))
                              .arg(problems.size())));
    const int exitCode = problems.isEmpty() ? 0 : 3;
    QJsonObject doc{{QStringLiteral("command"), QStringLiteral("validate")},
                    {QStringLiteral("ok"), problems.isEmpty()},
                    {QStringLiteral("exit_code"), exitCode},
                    {QStringLiteral("ledger_checked"), ledgerChecked},
                    {QStringLiteral("problems"), items}};
    if (exitCode) { // what up would refuse over: code refused, as a blocked run has it
        doc.insert(QStringLiteral("code"), errorCodeName(ErrorCode::Refused));
        doc.insert(QStringLiteral("args"), QJsonObject());
    }
    ctx.out().document(doc);
    return exitCode;
}

int CheckCommands::lint(CliContext &ctx)
{
    const QString failOn = ctx.parser().value(QStringLiteral("fail-on"));
    if (!failOn.isEmpty() && failOn != QLatin1String("danger")
        && failOn != QLatin1String("warning"))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput, tr("--fail-on takes danger or warning"),
                              {{QStringLiteral("option"), QStringLiteral("fail-on")}}));
    const MigrationSource *source = ctx.source(CliContext::SourceUse::Strict);
    if (!source)
        return 2;
    // syntax newer than the parser's is the target's to judge (--pg, or --db's version)
    const int serverVersion = ctx.targetServerVersion(false);
    if (serverVersion < 0)
        return 2;
    const QList<Migration> migrations
        = MigrationPlanner::admitted(source->migrations(), serverVersion);
    // a database named: what the parser cannot read is read by that server's own grammar
    PgConnection *server
        = ctx.parser().isSet(QStringLiteral("db")) || ctx.parser().isSet(QStringLiteral("sandbox"))
        ? ctx.connect()
        : nullptr;
    QList<Linted> linted;
    QStringList relations;
    for (const Migration &m : migrations) {
        Linted l;
        l.migration = &m;
        l.error = m.upSplit.error;
        if (server && !l.error)
            l.error = serverSyntaxError(*server, m);
        l.findings = SqlLinter::lintAll(m.upSql, m.upSplit);
        // what the plan check would refuse (a statement that cannot run in the migration's
        // transaction, one that releases the runner's lock, COPY to the client) is a danger too
        if (!l.error)
            l.refused = ScriptChecker::check(m.upPath(), m.upSplit, m.upDirectives);
        for (const LintFinding &f : l.findings)
            if (!f.relation.isEmpty() && !relations.contains(f.relation))
                relations.append(f.relation);
        linted.append(l);
    }
    const std::optional<LockForecastFormat::Sizes> sizes = lintSizes(ctx, relations);
    if (!sizes)
        return 2;
    if ((ctx.parser().isSet(QStringLiteral("db")) || ctx.parser().isSet(QStringLiteral("sandbox")))
        && (!spareProvenNotNull(ctx, linted) || !refusedAsUp(ctx, migrations, linted)))
        return 2;
    QJsonArray items;
    Counts counts;
    for (const Linted &l : linted)
        reportLinted(ctx, l, *sizes, items, counts);
    ctx.out().line((counts.syntaxErrors
                        ? tr("%n migration(s): %1 danger, %2 warning finding(s), %3 file(s) with "
                             "syntax errors",
                             nullptr, int(source->migrations().size()))
                              .arg(counts.dangers)
                              .arg(counts.warnings)
                              .arg(counts.syntaxErrors)
                        : tr("%n migration(s): %1 danger, %2 warning finding(s)", nullptr,
                             int(source->migrations().size()))
                              .arg(counts.dangers)
                              .arg(counts.warnings)));
    const bool failed = counts.syntaxErrors > 0
        || (failOn == QLatin1String("danger") && counts.dangers > 0)
        || (failOn == QLatin1String("warning") && counts.dangers + counts.warnings > 0);
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("lint")},
                        {QStringLiteral("ok"), !failed},
                        {QStringLiteral("findings"), items}});
    return failed ? 3 : 0;
}

std::optional<LockForecastFormat::Sizes> CheckCommands::lintSizes(CliContext &ctx,
                                                                  const QStringList &relations)
{
    LockForecastFormat::Sizes sizes;
    // only against a database named on the command line: lint is offline otherwise
    if (relations.isEmpty()
        || (!ctx.parser().isSet(QStringLiteral("db"))
            && !ctx.parser().isSet(QStringLiteral("sandbox"))))
        return sizes;
    PgConnection *c = ctx.connect();
    if (!c)
        return std::nullopt;
    const Result<QList<RelationSize>> read = RelationSizes::read(*c, relations);
    if (!read) {
        ctx.fail(2, Error(read.error()).in(tr("cannot read the live sizes of the tables")));
        return std::nullopt;
    }
    for (const RelationSize &size : read.value())
        sizes.insert(size.name, size);
    return sizes;
}

bool CheckCommands::spareProvenNotNull(CliContext &ctx, QList<Linted> &linted)
{
    PlanForecastReader::ColumnPairs pairs;
    for (const Linted &l : std::as_const(linted))
        for (const LintFinding &f : l.findings)
            if (f.kind == LintFinding::Kind::SetNotNull && !f.relation.isEmpty()
                && !f.column.isEmpty())
                pairs.insert({f.relation, f.column});
    if (pairs.isEmpty())
        return true;
    PgConnection *c = ctx.connect();
    if (!c)
        return false;
    const Result<PlanForecastReader::ColumnPairs> spared
        = PlanForecastReader::setNotNullSpared(*c, pairs);
    if (!spared) {
        ctx.fail(2,
                 Error(spared.error()).in(tr("cannot read the CHECK constraints of the tables")));
        return false;
    }
    for (Linted &l : linted)
        for (LintFinding &f : l.findings)
            if (f.kind == LintFinding::Kind::SetNotNull && !f.suppressed
                && spared->contains({f.relation, f.column})) {
                f.suppressed = true;
                f.sparedByCheck = true;
                f.allowReason
                    = tr("a validated CHECK (%1 IS NOT NULL) on %2 proves the column: SET NOT "
                         "NULL does not scan the table")
                          .arg(ParseTreeNames::quoteIdentifier(f.column), f.relation);
            }
    return true;
}

bool CheckCommands::refusedAsUp(CliContext &ctx, const QList<Migration> &migrations,
                                QList<Linted> &linted)
{
    const MigrationRunner::Options options = ctx.runnerOptions();
    if (options.maxBlockingRows < 0)
        return true;
    PgConnection *c = ctx.connect();
    if (!c)
        return false;
    MigrationRunner runner(*c, migrations, options);
    const auto statuses = runner.status();
    if (!statuses) {
        ctx.fail(2, Error(statuses.error()).in(tr("cannot read the ledger")));
        return false;
    }
    const PlanForecast forecast
        = PlanForecastReader::read(*c, MigrationPlanner::planUp(statuses.value(), std::nullopt),
                                   true, PlanForecastReader::Reading::WorkOnly);
    RunResult refused;
    if (!BlockingWorkGate::refuse(refused, forecast, true, options.maxBlockingRows))
        return true;
    if (refused.planProblems.isEmpty()) { // the sizes could not be read: up refuses too
        ctx.fail(2, Error(ErrorCode::Refused, refused.message));
        return false;
    }
    for (const ValidationProblem &p : std::as_const(refused.planProblems))
        markRefused(linted, p);
    return true;
}

void CheckCommands::markRefused(QList<Linted> &linted, const ValidationProblem &problem)
{
    QStringList parts;
    for (const QString &part : problem.message.split(u'\n'))
        parts << part.trimmed();
    const QString why
        = tr("up refuses it on this database: %1").arg(parts.join(QStringLiteral("; ")));
    for (Linted &l : linted) {
        if (l.migration->upPath() != problem.file)
            continue;
        bool told = false;
        for (LintFinding &f : l.findings)
            if (f.position.line == problem.line && f.position.column == problem.column
                && !f.suppressed && !f.relation.isEmpty()
                && f.kind < LintFinding::Kind::BanDropNotNull) { // uaip's rules, not squawk's
                f.severity = LintFinding::Severity::Danger;
                f.message = QStringLiteral("%1; %2").arg(f.message, why);
                told = true;
            }
        if (!told)
            l.refused << ValidationProblem{problem.kind, problem.file, problem.line, problem.column,
                                           why};
    }
}

void CheckCommands::reportLinted(CliContext &ctx, const Linted &l,
                                 const LockForecastFormat::Sizes &sizes, QJsonArray &items,
                                 Counts &counts)
{
    const Migration &m = *l.migration;
    if (l.error) {
        ++counts.syntaxErrors;
        ctx.out().line(tr("%1:%2:%3: syntax error: %4")
                           .arg(m.upPath())
                           .arg(l.error->position.line)
                           .arg(l.error->position.column)
                           .arg(l.error->message));
    }
    for (const ValidationProblem &p : l.refused) {
        ++counts.dangers;
        ctx.out().line(QStringLiteral("%1:%2:%3: danger [refused] %4")
                           .arg(p.file)
                           .arg(p.line)
                           .arg(p.column)
                           .arg(p.message));
        items.append(QJsonObject{{QStringLiteral("migration"), m.id()},
                                 {QStringLiteral("file"), p.file},
                                 {QStringLiteral("line"), p.line},
                                 {QStringLiteral("column"), p.column},
                                 {QStringLiteral("severity"), QStringLiteral("danger")},
                                 {QStringLiteral("kind"), QStringLiteral("refused")},
                                 {QStringLiteral("object"), QString()},
                                 {QStringLiteral("message"), p.message}});
    }
    for (const LintFinding &f : l.findings) {
        if (f.suppressed)
            ++counts.suppressed;
        else
            (f.severity == LintFinding::Severity::Danger ? counts.dangers : counts.warnings)++;
        QJsonObject item{{QStringLiteral("migration"), m.id()},
                         {QStringLiteral("file"), m.upPath()},
                         {QStringLiteral("line"), f.position.line},
                         {QStringLiteral("column"), f.position.column},
                         {QStringLiteral("severity"), LintFinding::severityName(f.severity)},
                         {QStringLiteral("kind"), LintFinding::kindName(f.kind)},
                         {QStringLiteral("object"), f.object},
                         {QStringLiteral("relation"), f.relation},
                         {QStringLiteral("message"), f.message}};
        QString message = f.message;
        const auto size = sizes.constFind(f.relation);
        if (!f.relation.isEmpty() && size != sizes.constEnd()) {
            // "... (public.orders: 1,000,000 rows, 120 MiB)"
            message
                = QStringLiteral("%1 (%2: %3)")
                      .arg(message, f.relation, LockForecastFormat::sizeText(f.relation, sizes));
            item.insert(QStringLiteral("rows"), double(size->rows));
            item.insert(QStringLiteral("rows_unknown"), size->rowsUnknown);
            item.insert(QStringLiteral("bytes"), double(size->totalBytes));
        }
        if (f.suppressed) {
            // -- uaip:allow RULE REASON, or a CHECK that spares SET NOT NULL (lint --db)
            item.insert(QStringLiteral("suppressed"), true);
            item.insert(QStringLiteral("suppressed_by"),
                        f.sparedByCheck ? QStringLiteral("check") : QStringLiteral("allow"));
            item.insert(QStringLiteral("reason"), f.allowReason);
            message = tr("%1 (suppressed: %2)").arg(message, f.allowReason);
        }
        ctx.out().line(QStringLiteral("%1:%2:%3: %4 [%5] %6")
                           .arg(m.upPath())
                           .arg(f.position.line)
                           .arg(f.position.column)
                           .arg(f.suppressed ? QStringLiteral("suppressed")
                                             : LintFinding::severityName(f.severity),
                                LintFinding::kindName(f.kind),
                                VisibleText::escaped(message))); // a name may hold ESC, CR, LF
        items.append(item);
    }
}

int CheckCommands::verify(CliContext &ctx)
{
    const MigrationSource *source = ctx.source(CliContext::SourceUse::Strict);
    if (!source)
        return 2;
    PgConnection *target = ctx.connect();
    if (!target)
        return 2;
    Sandbox sandbox = ctx.sandboxFor(target->serverVersion());
    MigrationVerifier verifier(sandbox, source->migrations());
    QObject::connect(&verifier, &MigrationVerifier::progress, [&](int i, int n, const QString &id) {
        ctx.out().progress(tr("[%1/%2] round trip %3").arg(i + 1).arg(n).arg(id));
    });
    const auto report = verifier.verify(target, ctx.parser().value(QStringLiteral("table")));
    if (!report)
        return ctx.fail(2, Error(report.error()).in(tr("verify could not run")));
    QJsonArray trips;
    for (const auto &t : report->roundTrips) {
        trips.append(
            QJsonObject{{QStringLiteral("migration"), t.migration},
                        {QStringLiteral("ok"), t.ok},
                        {QStringLiteral("error"), t.error},
                        {QStringLiteral("differences"), differencesJson(t.differences)},
                        {QStringLiteral("difference_details"), DifferenceJson::of(t.differences)}});
        if (t.ok)
            continue;
        ctx.out().line(
            t.error.isEmpty()
                ? tr("%1: down.sql does not restore the schema before up.sql").arg(t.migration)
                : QStringLiteral("%1: %2").arg(t.migration, t.error));
        for (const auto &d : t.differences)
            ctx.out().line(d.describe(QStringLiteral("    ")));
    }
    ctx.out().line(tr("round trips: %n migration(s) checked on a sandbox database", nullptr,
                      int(report->roundTrips.size()))
                   + u' '
                   + tr("(PostgreSQL %1, the target's major: %2)")
                         .arg(sandbox.major())
                         .arg(sandbox.rootDir()));
    ctx.out().line(tr("drift of %1 (at version %2) from the migrations: %3")
                       .arg(ctx.describeTarget(),
                            report->targetLevel.isEmpty() ? tr("none") : report->targetLevel,
                            report->drift.isEmpty()
                                ? tr("none")
                                : tr("%n difference(s)", nullptr, int(report->drift.size()))));
    for (const auto &d : report->drift)
        ctx.out().line(d.describe(QStringLiteral("    ")));
    for (const QString &problem : report->targetProblems)
        ctx.out().line(problem);
    for (const QString &note : report->leftOut)
        ctx.out().line(note);
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("verify")},
         {QStringLiteral("target_problems"), QJsonArray::fromStringList(report->targetProblems)},
         {QStringLiteral("left_out"), QJsonArray::fromStringList(report->leftOut)},
         {QStringLiteral("ok"), report->ok()},
         {QStringLiteral("round_trips"), trips},
         {QStringLiteral("proved_on"),
          QJsonObject{{QStringLiteral("major"), sandbox.major()},
                      {QStringLiteral("sandbox"), sandbox.rootDir()}}},
         {QStringLiteral("target_level"), report->targetLevel},
         {QStringLiteral("drift"), differencesJson(report->drift)},
         {QStringLiteral("drift_details"), DifferenceJson::of(report->drift)}});
    return report->ok() ? 0 : 3;
}

} // namespace uaip
