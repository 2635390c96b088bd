#include "sqlcsvexportjob.h"
#include "db/pgcopy.h"

#include "conformingstrings.h"
#include "db/session.h"
#include "db/transaction.h"
#include "jobs/jobcontext.h"
#include "sqlguard.h"
#include "sqlrunner.h"
#include "sqlscript.h"
#include "statementclass.h"
#include "statementsafety.h"
#include "verdicthold.h"

#include <QSaveFile>

#include <climits>

namespace uaip {

namespace {

constexpr auto kCopyPrefix = "COPY (";
constexpr auto kCopySuffix = ") TO STDOUT (FORMAT csv, HEADER)";

} // namespace

SqlCsvExportJob::SqlCsvExportJob(const QByteArray &statement, const QString &path,
                                 std::shared_ptr<SqlRunner> runner)
    : Job(tr("Export CSV"))
    , m_statement(statement)
    , m_path(path)
    , m_runner(std::move(runner))
{ }

Status SqlCsvExportJob::isOneStatement() const
{
    const SqlScript script(m_statement);
    if (const std::optional<SqlSyntaxError> &syntax = script.error())
        return Error(ErrorCode::BadInput, syntax->toString(),
                     {{QStringLiteral("line"), syntax->position.line},
                      {QStringLiteral("column"), syntax->position.column}});
    if (script.statements().size() != 1)
        return Error(ErrorCode::BadInput,
                     tr("Only one statement can be exported; the text holds %n, the second at %1.",
                        nullptr, int(script.statements().size()))
                         .arg(script.statements().size() > 1
                                  ? script.statements().at(1).start.toString()
                                  : QStringLiteral("1:1")));
    return {};
}

Status SqlCsvExportJob::openReadScope(PgConnection &pg, PgConnection &console,
                                      const StatementClass &cls, const SqlGuard &guard,
                                      std::optional<Transaction> &scope)
{
    const Result<QString> searchPath = m_runner->readers().searchPathFor(pg, console);
    if (!searchPath)
        return searchPath.error();
    Result<QList<StatementVerdict>> verdict = StatementSafety::judge(pg, {cls}, searchPath.value());
    if (!verdict)
        return verdict.error();
    if (!verdict.value().first().reads() && verdict.value().first().failure.isSet())
        return verdict.value().first().failure; // the server refused the query itself
    if (!verdict.value().first().reads())
        return Error(
            ErrorCode::Refused,
            guard.readOnly
                ? tr("The statement can write (%1): it is not exported on a read-only profile.")
                      .arg(verdict.value().first().reason)
                : tr("The statement can write (%1): it is not exported on a production profile.")
                      .arg(verdict.value().first().reason));
    // Held (VerdictHold): begun READ WRITE for the probe's rolled back views, READ ONLY after.
    const bool held = VerdictHold::applies(pg, {cls}, verdict.value());
    TransactionOptions read = TransactionOptions::readOnlyRolledBack();
    if (held)
        read.access = TransactionOptions::Access::ReadWrite;
    read.savepointWhenNested = true; // in the user's transaction: ROLLBACK TO undoes READ ONLY
    scope.emplace(pg);
    if (Status begun = scope->begin(read); !begun)
        return begun;
    if (Status pinned = m_runner->readers().pinSearchPath(pg, console); !pinned || !held)
        return pinned;
    const Result<QList<RunView>> views
        = VerdictHold::hold(pg, {cls}, verdict.value(), searchPath.value(), true);
    if (!views)
        return views.error();
    // what is exported: the rows of the view it was held as (RunViews)
    m_statement = RunViews::runText(m_statement, cls, views.value().value(0));
    if (const PgResult r = pg.exec(Transaction::readOnlyCommand()); !r.ok())
        return Error(r.error());
    return {};
}

Result<QString> SqlCsvExportJob::exportRows(JobContext &context, PgConnection &pg)
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(file.errorString());
    // extended protocol (one statement), the COPY state kept for the rows
    PgResult start = pg.exec(QByteArray(kCopyPrefix) + m_statement + kCopySuffix, {});
    if (start.status() != PgResult::Status::CopyOut)
        return Error(start.error());
    QByteArray row;
    bool writeFailed = false;
    while (PgCopy::get(pg, &row)) {
        if (!writeFailed && file.write(row) != row.size())
            writeFailed = true;
        ++m_rows;
        if (m_rows % 100000 == 0)
            context.progress(int(m_rows / 1000), 0, tr("%1 rows").arg(m_rows - 1));
    }
    PgResult end = PgCopy::finishOut(pg);
    m_rows = std::max<qint64>(0, m_rows - 1); // the header line
    if (!end.ok()) {
        file.cancelWriting();
        return Error(end.error());
    }
    if (writeFailed || !file.commit())
        return cannotWrite(file.errorString());
    return tr("%n row(s) exported to %1", nullptr, int(std::min<qint64>(m_rows, INT_MAX)))
        .arg(m_path);
}

Error SqlCsvExportJob::cannotWrite(const QString &why) const
{
    return Error(ErrorCode::Io, tr("cannot write %1: %2").arg(m_path, why),
                 {{QStringLiteral("path"), m_path}});
}

Result<QString> SqlCsvExportJob::execute(JobContext &context)
{
    if (Status one = isOneStatement(); !one)
        return one.error();
    const StatementClass cls = StatementClass::of(m_statement);
    if (!cls.cursorable)
        return Error(ErrorCode::BadInput,
                     tr("Only a plain SELECT can be exported; run it and "
                        "copy the rows instead."));
    Result<Session *> session = context.session();
    if (!session)
        return session.error();
    PgConnection &console = session.value()->pg();
    const ConnectionProfile &profile = session.value()->spec().profile;
    SqlGuard guard;
    guard.production = profile.production;
    guard.readOnly = profile.readOnly;
    guard.database = session.value()->identity().database;
    // guarded, it runs where the console's SQL runs (ReadingLogins), its Cancel too
    const Result<PgConnection *> on = m_runner->readers().connectionFor(console, guard, {});
    if (!on)
        return on.error().code() == ErrorCode::NeedsConfirmation
            ? Error(ErrorCode::Refused, tr("Not exported: %1").arg(on.error().toString()))
            : on.error();
    PgConnection &pg = *on.value();
    auto readerCancel = context.onCancel([runner = m_runner] { runner->readers().cancelReader(); });
    std::optional<Transaction> scope;
    if (guard.active())
        if (Status read = openReadScope(pg, console, cls, guard, scope); !read)
            return read.error();
    // Read by the server as the console reads it: standard_conforming_strings on for the scope,
    // or refused outside one (nothing set for the session, which behind a pooler others share).
    if (Status s = ConformingStrings::pinForTransaction(pg, m_statement); !s)
        return s.error();
    return exportRows(context, pg);
}

} // namespace uaip
