#include "seedcommands.h"

#include "promptkeycommands.h"
#include "prompts/promptactor.h"
#include "promptwritecommands.h"

#include "clicontext.h"
#include "demo/demodataloader.h"
#include "interruptwatch.h"
#include "passphrasereader.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "seed/initialseeder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace uaip {

namespace {

// A seeding's failure: its code and facts, the server's error where a statement failed, said
// after "nothing was written"; where the server said a table is missing (42P01, decided on the
// code, never on the words), with the advice to migrate first.
Error seedFailure(const Error &error)
{
    if (error.sqlState() == QLatin1String("42P01"))
        return error.in(SeedCommands::tr("nothing was written (rolled back); the platform tables "
                                         "are missing: apply the migrations first "
                                         "(uaip-migrate up)"));
    return error.in(SeedCommands::tr("nothing was written (rolled back)"));
}

QString number(qint64 n)
{
    return QLocale::c().toString(n);
}

// Any option given to the wrong seed subcommand is a usage error.
int checkOptions(CliContext &ctx, const QString &sub, const QStringList &allowed)
{
    for (const char *o :
         {"update", "dry-run", "file", "scale", "seed-value", "admin-password-file"}) {
        const QString option = QString::fromLatin1(o);
        if (ctx.parser().isSet(option) && !allowed.contains(option))
            return ctx.fail(
                2,
                Error(ErrorCode::BadInput,
                      SeedCommands::tr("--%1 does not apply to \"seed %2\"").arg(option, sub),
                      {{QStringLiteral("option"), option}}));
    }
    if (ctx.args().size() > 1)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              SeedCommands::tr("unexpected argument \"%1\" for \"seed %2\"")
                                  .arg(ctx.args().at(1), sub),
                              {{QStringLiteral("argument"), ctx.args().at(1)}}));
    return 0;
}

// Reads a password from the terminal without echo; empty optional when it cannot.
QString describe(const SeedAction &a)
{
    const QString fields = a.changedFields.join(QStringLiteral(", "));
    switch (a.kind) {
    case SeedAction::Kind::Insert:
        return a.entity == QLatin1String("prompt") ? SeedCommands::tr("insert (version 1)")
                                                   : SeedCommands::tr("insert");
    case SeedAction::Kind::NewVersion:
        return SeedCommands::tr("new version %1 (was %2; changed: %3)")
            .arg(a.toVersion)
            .arg(a.fromVersion)
            .arg(fields);
    case SeedAction::Kind::UpdateMetadata:
        return SeedCommands::tr("update metadata, still version %1 (changed: %2)")
            .arg(a.toVersion)
            .arg(fields);
    case SeedAction::Kind::Unchanged:
        return SeedCommands::tr("unchanged (version %1)").arg(a.toVersion);
    case SeedAction::Kind::Differs:
        return SeedCommands::tr("differs (%1); left at version %2, --update writes a new one")
            .arg(fields)
            .arg(a.fromVersion);
    case SeedAction::Kind::Exists:
        return SeedCommands::tr("exists (personas are never overwritten)");
    }
    return QString();
}

// seed prompts: a line per action; the actions as JSON.
QJsonArray listActions(CliContext &ctx, const PromptSeedReport &report)
{
    QJsonArray actions;
    for (const SeedAction &a : report.actions) {
        ctx.out().line(QStringLiteral("  %1 %2 %3")
                           .arg(a.entity.leftJustified(7), a.key.leftJustified(30), describe(a)));
        actions.append(
            QJsonObject{{QStringLiteral("entity"), a.entity},
                        {QStringLiteral("key"), a.key},
                        {QStringLiteral("action"), SeedAction::kindName(a.kind)},
                        {QStringLiteral("from_version"), a.fromVersion},
                        {QStringLiteral("to_version"), a.toVersion},
                        {QStringLiteral("changed"), QJsonArray::fromStringList(a.changedFields)}});
    }
    return actions;
}

QJsonObject promptsDocument(const PromptSeedReport &report, bool dryRun, bool update,
                            const QString &file, const QString &database, const QJsonArray &actions)
{
    using K = SeedAction::Kind;
    const QString pr = QStringLiteral("prompt");
    const QString pe = QStringLiteral("persona");
    return {{QStringLiteral("command"), QStringLiteral("seed prompts")},
            {QStringLiteral("ok"), true},
            {QStringLiteral("dry_run"), dryRun},
            {QStringLiteral("update"), update},
            {QStringLiteral("file"), file},
            {QStringLiteral("database"), database},
            {QStringLiteral("prompts"),
             QJsonObject{{QStringLiteral("insert"), report.count(pr, K::Insert)},
                         {QStringLiteral("new_version"), report.count(pr, K::NewVersion)},
                         {QStringLiteral("update_metadata"), report.count(pr, K::UpdateMetadata)},
                         {QStringLiteral("unchanged"), report.count(pr, K::Unchanged)},
                         {QStringLiteral("differs"), report.count(pr, K::Differs)}}},
            {QStringLiteral("personas"),
             QJsonObject{{QStringLiteral("insert"), report.count(pe, K::Insert)},
                         {QStringLiteral("exists"), report.count(pe, K::Exists)}}},
            {QStringLiteral("writes"), dryRun ? 0 : report.writes()},
            {QStringLiteral("actions"), actions}};
}

} // namespace

int SeedCommands::run(CliContext &ctx)
{
    const QString sub = ctx.args().value(0);
    if (sub == QLatin1String("prompts"))
        return prompts(ctx);
    if (sub == QLatin1String("initial"))
        return initial(ctx);
    if (sub == QLatin1String("demo"))
        return demo(ctx);
    return ctx.fail(
        2,
        Error(ErrorCode::BadInput,
              tr("usage: uaip-migrate seed prompts [--update] [--dry-run] [--file F] [--confirm "
                 "DATABASE]\n"
                 "       uaip-migrate seed initial [--admin-password-file F]\n"
                 "       uaip-migrate seed demo --scale N [--seed-value S] [--end-time T]")));
}

int SeedCommands::prompts(CliContext &ctx)
{
    const auto &p = ctx.parser();
    if (const int e = checkOptions(
            ctx, QStringLiteral("prompts"),
            {QStringLiteral("update"), QStringLiteral("dry-run"), QStringLiteral("file")}))
        return e;
    PromptSeedFile file;
    if (!file.load(p.isSet(QStringLiteral("file")) ? p.value(QStringLiteral("file"))
                                                   : PromptSeedFile::bundledPath()))
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("%1 has %n problem(s); nothing was written:\n  %2", nullptr,
                     int(file.errors().size()))
                      .arg(file.displayName(), file.errors().join(QStringLiteral("\n  "))),
                  {{QStringLiteral("path"), file.displayName()}}));
    PgConnection *c = ctx.connectToWrite(p.isSet(QStringLiteral("dry-run")));
    if (!c)
        return 2;
    PromptSeeder::Options options;
    options.update = p.isSet(QStringLiteral("update"));
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    options.changeNote
        = QStringLiteral("uaip-migrate seed prompts%1 (%2)")
              .arg(options.update ? QStringLiteral(" --update") : QString(), file.displayName());
    options.actor = PromptActor::current(QStringLiteral("uaip-migrate"));
    // Encryption on: stored envelopes compared decrypted, what is written sealed (the key from
    // the keychain, read only when the database has encrypted texts or encryption on).
    const std::unique_ptr<PromptTextCodec> codec = PromptKeyCommands::codec(*c);
    options.codec = codec.get();
    PromptSeedReport report = PromptSeeder(*c).run(file, options);
    if (report.outcome == PromptSeedReport::Outcome::NeedsConfirmation) {
        if (!PromptWriteCommands::confirmDatabase(ctx, c->database(), report.message))
            return ctx.fail(2,
                            Error(ErrorCode::NeedsConfirmation,
                                  tr("%1\nThe label is protected: pass --confirm %2 (the "
                                     "database name) or type it on a terminal. Nothing was "
                                     "written.")
                                      .arg(report.message, c->database())));
        options.confirmProtected = true;
        report = PromptSeeder(*c).run(file, options);
    }
    if (!report.ok())
        return ctx.fail(report.outcome == PromptSeedReport::Outcome::BadInput ? 2 : 1,
                        seedFailure(report.error));
    ctx.out().line((options.dryRun ? tr("dry run: seed prompts from %1 into %2")
                                   : tr("seed prompts from %1 into %2"))
                       .arg(file.displayName(), ctx.describeTarget()));
    const QJsonArray actions = listActions(ctx, report);
    printCounts(ctx, report, options.dryRun);
    ctx.out().document(promptsDocument(report, options.dryRun, options.update, file.displayName(),
                                       c->database(), actions));
    return 0;
}

void SeedCommands::printCounts(CliContext &ctx, const PromptSeedReport &report, bool dryRun)
{
    using K = SeedAction::Kind;
    const QString pr = QStringLiteral("prompt");
    const QString pe = QStringLiteral("persona");
    ctx.out().line(
        tr("prompts: %1 inserted, %2 new version(s), %3 metadata update(s), %4 unchanged, "
           "%5 differ; personas: %6 inserted, %7 existing")
            .arg(report.count(pr, K::Insert))
            .arg(report.count(pr, K::NewVersion))
            .arg(report.count(pr, K::UpdateMetadata))
            .arg(report.count(pr, K::Unchanged))
            .arg(report.count(pr, K::Differs))
            .arg(report.count(pe, K::Insert))
            .arg(report.count(pe, K::Exists)));
    if (dryRun && !report.protectedMoves.isEmpty())
        ctx.out().line(tr("the new version(s) would move the protected label \"production\" "
                          "of: %1 (the real run asks for the database name, or --confirm)")
                           .arg(report.protectedMoves.join(QStringLiteral(", "))));
    if (dryRun)
        ctx.out().line(tr("dry run: nothing was written"));
    else if (report.count(pr, K::Differs) > 0)
        ctx.out().line(tr("%n prompt(s) differ from the file and were left alone; "
                          "--update writes their new versions",
                          nullptr, report.count(pr, K::Differs)));
    else if (report.writes() == 0)
        ctx.out().line(tr("nothing to do: the database matches the seed file"));
}

int SeedCommands::readPasswordFile(CliContext &ctx, const QString &passwordFile, QString *password)
{
    QFile f(passwordFile);
    // a FIFO or a device would block or never end: a regular file only
    if (QFileInfo::exists(passwordFile) && !QFileInfo(passwordFile).isFile())
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("the admin password file %1 is not a regular file").arg(passwordFile),
                  {{QStringLiteral("path"), passwordFile}}));
    if (!f.open(QIODevice::ReadOnly))
        return ctx.fail(2,
                        CliContext::fileError(passwordFile,
                                              tr("cannot read the admin password file %1: %2")
                                                  .arg(passwordFile, f.errorString())));
    // as ssh and libpq's password file: a secret others may read is refused, never used
    struct stat st
    {
    };
    if (::fstat(f.handle(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)))
        return ctx.fail(2,
                        Error(ErrorCode::Refused,
                              tr("the admin password file %1 may be read by others (mode %2); "
                                 "chmod 600 it first")
                                  .arg(passwordFile)
                                  .arg(st.st_mode & 0777, 4, 8, QLatin1Char('0')),
                              {{QStringLiteral("path"), passwordFile}}));
    *password = QString::fromUtf8(f.readAll());
    if (password->endsWith(u'\n'))
        password->chop(1);
    if (password->endsWith(u'\r'))
        password->chop(1);
    return 0;
}

int SeedCommands::initial(CliContext &ctx)
{
    if (const int e
        = checkOptions(ctx, QStringLiteral("initial"), {QStringLiteral("admin-password-file")}))
        return e;
    InitialSeeder::Options options;
    const QString passwordFile = ctx.parser().value(QStringLiteral("admin-password-file"));
    if (!passwordFile.isEmpty()) {
        if (const int e = readPasswordFile(ctx, passwordFile, &options.adminPassword))
            return e;
    } else if (isatty(STDIN_FILENO)) {
        const auto first = PassphraseReader::askHidden(
            tr("Password for the admin user %1: ").arg(options.adminEmail));
        const auto second = first ? PassphraseReader::askHidden(tr("Repeat it: ")) : std::nullopt;
        if (!first || !second)
            return ctx.fail(2, Error(ErrorCode::BadInput, tr("no admin password entered")));
        if (*first != *second)
            return ctx.fail(2, Error(ErrorCode::BadInput, tr("the two passwords differ")));
        options.adminPassword = *first;
    } else {
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("seed initial needs the admin password: pass "
                                 "--admin-password-file F, or run it on a terminal to be "
                                 "asked (there is no default password)"),
                              {{QStringLiteral("option"), QStringLiteral("admin-password-file")}}));
    }
    const QString problem = InitialSeeder::checkPassword(options.adminPassword);
    if (!problem.isEmpty())
        return ctx.fail(2, Error(ErrorCode::BadInput, problem));
    PgConnection *c = ctx.connectToWrite();
    if (!c)
        return 2;
    const InitialSeedReport r = InitialSeeder(*c).run(options);
    if (!r.ok())
        return ctx.fail(r.outcome == InitialSeedReport::Outcome::BadInput ? 2 : 1,
                        seedFailure(r.error));
    ctx.out().line(tr("seed initial into %1").arg(ctx.describeTarget()));
    ctx.out().line(r.organizationCreated ? tr("  organisation \"default\": created")
                                         : tr("  organisation \"default\": exists"));
    ctx.out().line(tr("  permissions: %1 inserted").arg(r.permissionsInserted));
    ctx.out().line(tr("  built-in roles: %1 inserted").arg(r.rolesInserted));
    ctx.out().line(tr("  role grants: %1 inserted").arg(r.grantsInserted));
    ctx.out().line((r.adminCreated ? tr("  admin user %1: created (bcrypt, cost 12)")
                                   : tr("  admin user %1: exists (password unchanged)"))
                       .arg(r.adminEmail));
    ctx.out().line(r.membershipsInserted ? tr("  admin role in \"default\": granted")
                                         : tr("  admin role in \"default\": held already"));
    if (!r.changedAnything())
        ctx.out().line(tr("nothing to do: everything was in place"));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("seed initial")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("database"), c->database()},
                        {QStringLiteral("organization_created"), r.organizationCreated},
                        {QStringLiteral("organization_id"), r.organizationId},
                        {QStringLiteral("permissions_inserted"), r.permissionsInserted},
                        {QStringLiteral("roles_inserted"), r.rolesInserted},
                        {QStringLiteral("grants_inserted"), r.grantsInserted},
                        {QStringLiteral("admin_email"), r.adminEmail},
                        {QStringLiteral("admin_created"), r.adminCreated},
                        {QStringLiteral("admin_id"), r.adminId},
                        {QStringLiteral("memberships_inserted"), r.membershipsInserted}});
    return 0;
}

// What seed demo was asked: the scale, the seed and the end of the time series (0: the time
// of the load).
struct SeedCommands::DemoRequest
{
    qint64 scale = 0;
    quint64 seed = 0;
    qint64 anchor = 0;
};

int SeedCommands::demo(CliContext &ctx)
{
    DemoRequest request;
    if (const int e = readDemoRequest(ctx, &request))
        return e;
    PgConnection *c = ctx.connectToWrite();
    if (!c)
        return 2;
    const DemoDataPlan plan = DemoDataPlan::forScale(request.scale);
    DemoDataLoader::Options options;
    options.seed = request.seed;
    options.anchorEpoch = request.anchor;
    DemoDataLoader loader(*c, plan, options);
    ctx.out().progress(tr("seed demo: %1 rows (%2 metric rows), seed %3, into %4")
                           .arg(number(plan.totalRows()), number(plan.metricRows()))
                           .arg(request.seed)
                           .arg(ctx.describeTarget()));
    const DemoLoadResult r = loadWithProgress(ctx, loader);
    if (r.outcome == DemoLoadResult::Outcome::AlreadyLoaded)
        return ctx.fail(2, r.error);
    if (!r.ok()) // failed or cancelled: rolled back
        return ctx.fail(
            1, r.outcome == DemoLoadResult::Outcome::Cancelled ? r.error : seedFailure(r.error));
    reportDemo(ctx, request, *c, r);
    return 0;
}

int SeedCommands::readDemoRequest(CliContext &ctx, DemoRequest *request)
{
    const auto &p = ctx.parser();
    if (const int e = checkOptions(
            ctx, QStringLiteral("demo"),
            {QStringLiteral("scale"), QStringLiteral("seed-value"), QStringLiteral("end-time")}))
        return e;
    if (!p.isSet(QStringLiteral("scale")))
        return ctx.fail(
            2,
            Error(ErrorCode::BadInput,
                  tr("seed demo needs --scale N (the number of metric rows, e.g. 100000)"),
                  {{QStringLiteral("option"), QStringLiteral("scale")}}));
    bool ok = false;
    const qint64 scale = p.value(QStringLiteral("scale")).toLongLong(&ok);
    if (!ok || scale < 1 || scale > DemoDataPlan::kMaxScale)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--scale needs a whole number from 1 to %1, not \"%2\"")
                                  .arg(DemoDataPlan::kMaxScale)
                                  .arg(p.value(QStringLiteral("scale"))),
                              {{QStringLiteral("option"), QStringLiteral("scale")}}));
    const quint64 seed = p.value(QStringLiteral("seed-value")).toULongLong(&ok);
    if (!ok)
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("--seed-value needs a whole number from 0 to 2^64-1, not \"%1\"")
                                  .arg(p.value(QStringLiteral("seed-value"))),
                              {{QStringLiteral("option"), QStringLiteral("seed-value")}}));
    qint64 anchor = 0; // the time of the load
    if (p.isSet(QStringLiteral("end-time"))) {
        const QString text = p.value(QStringLiteral("end-time"));
        QDateTime end = QDateTime::fromString(text, Qt::ISODate);
        if (end.isValid() && end.timeSpec() == Qt::LocalTime) // no offset given: UTC
            end = QDateTime(end.date(), end.time(), Qt::UTC);
        if (!end.isValid() || end.toSecsSinceEpoch() <= 0)
            return ctx.fail(2,
                            Error(ErrorCode::BadInput,
                                  tr("--end-time needs an ISO 8601 time after 1970 such as "
                                     "2026-11-01T00:00:00Z, not \"%1\"")
                                      .arg(text),
                                  {{QStringLiteral("option"), QStringLiteral("end-time")}}));
        anchor = end.toSecsSinceEpoch();
    }
    *request = {scale, seed, anchor};
    return 0;
}

DemoLoadResult SeedCommands::loadWithProgress(CliContext &ctx, DemoDataLoader &loader)
{
    QElapsedTimer lastLine;
    lastLine.start();
    bool announced = false;
    QObject::connect(&loader, &DemoDataLoader::progress, [&](const DemoLoadProgress &pr) {
        if (loader.isCancelled() && !announced) {
            ctx.out().notice(tr("interrupted: cancelling and rolling back ..."));
            announced = true;
        }
        if (lastLine.elapsed() < 1000 || pr.tableRows == pr.tableTotal)
            return;
        lastLine.restart();
        ctx.out().progress(
            tr("  %1 %2/%3 rows (%4 %), %5 rows/s overall")
                .arg(pr.table, number(pr.tableRows), number(pr.tableTotal))
                .arg(100.0 * double(pr.tableRows) / double(qMax<qint64>(1, pr.tableTotal)), 0, 'f',
                     1)
                .arg(number(qint64(pr.rowsPerSecond))));
    });
    QObject::connect(&loader, &DemoDataLoader::tableLoaded, [&](const DemoTableLoad &t) {
        ctx.out().progress(tr("  %1 %2 rows in %3 s (%4 rows/s)")
                               .arg(t.table.leftJustified(25), number(t.rows).rightJustified(11))
                               .arg(double(t.ms) / 1000.0, 0, 'f', 2)
                               .arg(number(qint64(t.rowsPerSecond()))));
    });
    // SIGINT/SIGTERM: the load is cancelled (its running COPY too) and rolled back
    const InterruptWatch interrupt([&loader] { loader.cancel(); });
    return loader.load();
}

void SeedCommands::reportDemo(CliContext &ctx, const DemoRequest &request, PgConnection &connection,
                              const DemoLoadResult &r)
{
    ctx.out().line(tr("seed demo: %1 rows, %2 of them metric rows, in %3 s: %4 metric rows/s")
                       .arg(number(r.rows()), number(r.metricRows()))
                       .arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1)
                       .arg(number(qint64(r.rowsPerSecond()))));
    QJsonArray tables;
    for (const DemoTableLoad &t : r.tables)
        tables.append(
            QJsonObject{{QStringLiteral("table"), t.table},
                        {QStringLiteral("rows"), t.rows},
                        {QStringLiteral("bytes"), t.bytes},
                        {QStringLiteral("ms"), t.ms},
                        {QStringLiteral("rows_per_second"), qRound64(t.rowsPerSecond())}});
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("seed demo")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("database"), connection.database()},
         {QStringLiteral("scale"), request.scale},
         {QStringLiteral("seed"), QString::number(request.seed)},
         {QStringLiteral("end_time"),
          QDateTime::fromSecsSinceEpoch(r.anchorEpoch, Qt::UTC).toString(Qt::ISODate)},
         {QStringLiteral("rows"), r.rows()},
         {QStringLiteral("metric_rows"), r.metricRows()},
         {QStringLiteral("elapsed_ms"), r.elapsedMs},
         {QStringLiteral("metric_rows_per_second"), qRound64(r.rowsPerSecond())},
         {QStringLiteral("tables"), tables}});
}

} // namespace uaip
