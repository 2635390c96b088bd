#include "promptcommands.h"

#include "clicontext.h"
#include "promptkeycommands.h"
#include "prompts/promptaudit.h"
#include "prompts/promptexporter.h"
#include "prompts/promptimporter.h"
#include "prompts/promptlabels.h"
#include "prompts/promptlister.h"
#include "prompts/promptstore.h"
#include "prompts/promptvariables.h"
#include "prompts/promptversiondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace uaip {

namespace {

const QStringList kPromptOptions{
    QStringLiteral("search"),  QStringLiteral("type"),        QStringLiteral("model"),
    QStringLiteral("label"),   QStringLiteral("period-days"), QStringLiteral("prompt-version"),
    QStringLiteral("ids"),     QStringLiteral("decrypt"),     QStringLiteral("file"),
    QStringLiteral("dry-run"), QStringLiteral("protect"),     QStringLiteral("unprotect"),
    QStringLiteral("confirm")};

// The exit code of a core error: 2 for what the user can fix in the command, 1 otherwise.
int exitCode(const PromptError &e)
{
    switch (e.kind) {
    case PromptError::Kind::BadInput:
    case PromptError::Kind::NotFound:
    case PromptError::Kind::NeedsConfirmation:
        return 2;
    default:
        return 1;
    }
}

QString kindName(PromptError::Kind kind)
{
    switch (kind) {
    case PromptError::Kind::None:
        return QString();
    case PromptError::Kind::BadInput:
        return QStringLiteral("bad_input");
    case PromptError::Kind::NotFound:
        return QStringLiteral("not_found");
    case PromptError::Kind::Conflict:
        return QStringLiteral("conflict");
    case PromptError::Kind::Locked:
        return QStringLiteral("locked");
    case PromptError::Kind::NeedsConfirmation:
        return QStringLiteral("needs_confirmation");
    case PromptError::Kind::Database:
        return QStringLiteral("database");
    }
    return QString();
}

int fail(CliContext &ctx, const PromptError &e, bool nothingWritten = true)
{
    QString message = e.message;
    if (nothingWritten && e.kind != PromptError::Kind::NotFound)
        message += QStringLiteral("\nNothing was written.");
    if (ctx.out().json()) {
        // one document, with the kind of problem for scripts
        ctx.out().document({{QStringLiteral("ok"), false},
                            {QStringLiteral("exit_code"), exitCode(e)},
                            {QStringLiteral("kind"), kindName(e.kind)},
                            {QStringLiteral("error"), message}});
        return exitCode(e);
    }
    return ctx.fail(exitCode(e), message);
}

// Only the options of this prompts subcommand; exactly 'count' arguments after it.
int checkUsage(CliContext &ctx, const QString &sub, const QStringList &allowed, int count,
               const QString &usage)
{
    for (const QString &option : kPromptOptions)
        if (ctx.parser().isSet(option) && !allowed.contains(option))
            return ctx.fail(
                2, QStringLiteral("--%1 does not apply to \"prompts %2\"").arg(option, sub));
    if (ctx.args().size() != count + 1)
        return ctx.fail(2, QStringLiteral("usage: uaip-migrate prompts %1").arg(usage));
    return 0;
}

std::optional<int> positiveNumber(CliContext &ctx, const QString &text, const QString &what)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1) {
        ctx.fail(2,
                 QStringLiteral("%1 \"%2\" is not a version number (1, 2, ...)").arg(what, text));
        return std::nullopt;
    }
    return n;
}

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString pad(const QString &s, int width)
{
    return s.leftJustified(width);
}

QJsonObject labelsJson(const QMap<QString, int> &labels, int latest)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    if (latest)
        o.insert(QStringLiteral("latest"), latest);
    return o;
}

QString labelsText(const QMap<QString, int> &labels, int latest)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    if (latest)
        parts << QStringLiteral("latest=%1").arg(latest);
    return parts.join(u',');
}

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject versionJson(const PromptVersion &v, bool texts)
{
    QJsonObject o{{QStringLiteral("version"), v.versionNo},
                  {QStringLiteral("author"), v.author},
                  {QStringLiteral("created_at"), v.createdAt.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("change_note"), v.changeNote},
                  {QStringLiteral("checksum"), v.checksum},
                  {QStringLiteral("model_preference"), v.content.modelPreference},
                  {QStringLiteral("temperature"), v.content.temperature},
                  {QStringLiteral("max_tokens"), v.content.maxTokens},
                  {QStringLiteral("locked"), v.locked}};
    if (v.locked)
        o.insert(QStringLiteral("lock_reason"), v.lockReason);
    if (texts && !v.locked) {
        o.insert(QStringLiteral("system_prompt"), v.content.systemPrompt);
        o.insert(QStringLiteral("user_prompt_template"),
                 v.content.userPromptTemplate ? QJsonValue(*v.content.userPromptTemplate)
                                              : QJsonValue());
    }
    return o;
}

// The database name typed on the terminal, or --confirm NAME.
bool confirmDatabase(CliContext &ctx, const QString &database, const QString &what)
{
    QString typed = ctx.parser().value(QStringLiteral("confirm"));
    if (typed.isEmpty()) {
        if (!isatty(STDIN_FILENO))
            return false;
        QTextStream err(stderr);
        err << what << "\nType the database name (" << database << ") to confirm: " << Qt::flush;
        char buffer[512];
        if (!std::fgets(buffer, sizeof buffer, stdin))
            return false;
        typed = QString::fromUtf8(buffer).trimmed();
    }
    return typed == database;
}

} // namespace

int PromptCommands::run(CliContext &ctx)
{
    const QString sub = ctx.args().value(0);
    if (sub == QLatin1String("list"))
        return list(ctx);
    if (sub == QLatin1String("show"))
        return show(ctx);
    if (sub == QLatin1String("diff"))
        return diff(ctx);
    if (sub == QLatin1String("export"))
        return exportPrompts(ctx);
    if (sub == QLatin1String("import"))
        return importPrompts(ctx);
    if (sub == QLatin1String("label"))
        return label(ctx);
    if (sub == QLatin1String("history"))
        return history(ctx);
    return ctx.fail(2,
                    sub.isEmpty()
                        ? QStringLiteral("prompts needs a subcommand: list, show, diff, export, "
                                         "import, label, history, encryption, key")
                        : QStringLiteral("unknown subcommand \"prompts %1\"").arg(sub));
}

int PromptCommands::list(CliContext &ctx)
{
    const auto &p = ctx.parser();
    if (const int e
        = checkUsage(ctx, QStringLiteral("list"),
                     {QStringLiteral("search"), QStringLiteral("type"), QStringLiteral("model"),
                      QStringLiteral("label"), QStringLiteral("period-days")},
                     0,
                     QStringLiteral("list [--search T] [--type T] [--model M] "
                                    "[--label L] [--period-days N]")))
        return e;
    PromptListFilter filter;
    filter.search = p.value(QStringLiteral("search"));
    filter.promptType = p.value(QStringLiteral("type"));
    filter.modelPreference = p.value(QStringLiteral("model"));
    filter.label = p.value(QStringLiteral("label"));
    int days = 30;
    if (p.isSet(QStringLiteral("period-days"))) {
        bool ok = false;
        days = p.value(QStringLiteral("period-days")).toInt(&ok);
        if (!ok || days < 1)
            return ctx.fail(2,
                            QStringLiteral("--period-days \"%1\" is not a number of days")
                                .arg(p.value(QStringLiteral("period-days"))));
    }
    filter.usageTo = QDateTime::currentDateTimeUtc();
    filter.usageFrom = filter.usageTo.addDays(-days);
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const auto r = PromptLister(*c, PromptKeyCommands::codec(*c).get()).list(filter);
    if (!r.ok())
        return fail(ctx, r.error, false);
    QJsonArray rows;
    ctx.out().line(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                       .arg(pad(QStringLiteral("PROMPT"), 32), pad(QStringLiteral("TYPE"), 17),
                            pad(QStringLiteral("MODEL"), 28), pad(QStringLiteral("VERSION"), 7),
                            pad(QStringLiteral("ACTIVE"), 6), pad(QStringLiteral("USES"), 7),
                            pad(QStringLiteral("SUCCESS"), 7), QStringLiteral("LABELS")));
    for (const PromptSummary &s : r.value) {
        const QString success = s.successRate
            ? QStringLiteral("%1%").arg(*s.successRate * 100, 0, 'f', 1)
            : QStringLiteral("-");
        ctx.out().line(
            QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8%9")
                .arg(pad(s.promptId, 32), pad(s.promptType, 17), pad(s.modelPreference, 28),
                     pad(QString::number(s.currentVersion), 7),
                     pad(s.isActive ? QStringLiteral("yes") : QStringLiteral("no"), 6),
                     pad(QString::number(s.interactions), 7), pad(success, 7),
                     labelsText(s.labels, s.latestVersion),
                     s.locked ? QStringLiteral("  [locked: %1]").arg(s.lockReason) : QString()));
        rows.append(
            QJsonObject{{QStringLiteral("prompt_id"), s.promptId},
                        {QStringLiteral("id"), s.id},
                        {QStringLiteral("name"), s.name},
                        {QStringLiteral("prompt_type"), s.promptType},
                        {QStringLiteral("model_preference"), s.modelPreference},
                        {QStringLiteral("current_version"), s.currentVersion},
                        {QStringLiteral("labels"), labelsJson(s.labels, s.latestVersion)},
                        {QStringLiteral("is_active"), s.isActive},
                        {QStringLiteral("locked"), s.locked},
                        {QStringLiteral("lock_reason"), s.lockReason},
                        {QStringLiteral("interactions"), s.interactions},
                        {QStringLiteral("success_rate"), optionalNumber(s.successRate)},
                        {QStringLiteral("mean_latency_ms"), optionalNumber(s.meanLatencyMs)}});
    }
    ctx.out().line(QStringLiteral("%1 prompt(s); usage over the last %2 day(s)")
                       .arg(r.value.size())
                       .arg(days));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts list")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("period_days"), days},
                        {QStringLiteral("prompts"), rows}});
    return 0;
}

int PromptCommands::show(CliContext &ctx)
{
    if (const int e = checkUsage(ctx, QStringLiteral("show"), {QStringLiteral("prompt-version")}, 1,
                                 QStringLiteral("show ID [--version N]")))
        return e;
    std::optional<int> version;
    if (ctx.parser().isSet(QStringLiteral("prompt-version"))) {
        version = positiveNumber(ctx, ctx.parser().value(QStringLiteral("prompt-version")),
                                 QStringLiteral("--version"));
        if (!version)
            return 2;
    }
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const auto r
        = PromptStore(*c, PromptKeyCommands::codec(*c).get()).get(ctx.args().at(1), version);
    if (!r.ok())
        return fail(ctx, r.error, false);
    const PromptDetail &d = r.value;
    const PromptVersion &v = d.version;
    auto &out = ctx.out();
    out.line(QStringLiteral("%1  %2").arg(d.summary.promptId, d.summary.name));
    out.line(QStringLiteral("  type %1, %2, current version %3 (%4), labels %5")
                 .arg(d.summary.promptType,
                      d.summary.isActive ? QStringLiteral("active") : QStringLiteral("inactive"))
                 .arg(d.summary.currentVersion)
                 .arg(d.versionLabel, labelsText(d.summary.labels, d.summary.latestVersion)));
    out.line(QStringLiteral("version %1 by %2 at %3: %4")
                 .arg(v.versionNo)
                 .arg(v.author, stamp(v.createdAt), v.changeNote));
    out.line(QStringLiteral("  model %1, temperature %2, max tokens %3, sha256 %4")
                 .arg(v.content.modelPreference)
                 .arg(v.content.temperature, 0, 'f', 2)
                 .arg(v.content.maxTokens)
                 .arg(v.checksum));
    QStringList variables;
    if (v.locked) {
        out.line(QStringLiteral("system prompt: locked (%1)").arg(v.lockReason));
    } else {
        out.line(QStringLiteral("--- system prompt"));
        out.line(v.content.systemPrompt);
        variables = PromptVariables(v.content.systemPrompt).names();
    }
    if (v.content.userPromptTemplate) {
        out.line(QStringLiteral("--- user prompt template"));
        out.line(*v.content.userPromptTemplate);
        for (const QString &n : PromptVariables(*v.content.userPromptTemplate).names())
            if (!variables.contains(n))
                variables << n;
    }
    out.line(QStringLiteral("--- variables: %1")
                 .arg(variables.isEmpty() ? QStringLiteral("none")
                                          : variables.join(QStringLiteral(", "))));
    QJsonArray versions;
    for (const PromptVersion &h : d.versions)
        versions.append(versionJson(h, false));
    out.document({{QStringLiteral("command"), QStringLiteral("prompts show")},
                  {QStringLiteral("ok"), true},
                  {QStringLiteral("prompt_id"), d.summary.promptId},
                  {QStringLiteral("id"), d.summary.id},
                  {QStringLiteral("name"), d.summary.name},
                  {QStringLiteral("description"), d.description},
                  {QStringLiteral("prompt_type"), d.summary.promptType},
                  {QStringLiteral("is_active"), d.summary.isActive},
                  {QStringLiteral("current_version"), d.summary.currentVersion},
                  {QStringLiteral("version_label"), d.versionLabel},
                  {QStringLiteral("labels"), labelsJson(d.summary.labels, d.summary.latestVersion)},
                  {QStringLiteral("version"), versionJson(v, true)},
                  {QStringLiteral("variables"), QJsonArray::fromStringList(variables)},
                  {QStringLiteral("versions"), versions}});
    return 0;
}

int PromptCommands::diff(CliContext &ctx)
{
    if (const int e = checkUsage(ctx, QStringLiteral("diff"), {}, 3,
                                 QStringLiteral("diff ID VERSION_A VERSION_B")))
        return e;
    const auto a = positiveNumber(ctx, ctx.args().at(2), QStringLiteral("version"));
    if (!a)
        return 2;
    const auto b = positiveNumber(ctx, ctx.args().at(3), QStringLiteral("version"));
    if (!b)
        return 2;
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const auto codec = PromptKeyCommands::codec(*c);
    PromptStore store(*c, codec.get());
    const auto va = store.version(ctx.args().at(1), *a);
    if (!va.ok())
        return fail(ctx, va.error, false);
    const auto vb = store.version(ctx.args().at(1), *b);
    if (!vb.ok())
        return fail(ctx, vb.error, false);
    for (const PromptVersion *v : {&va.value, &vb.value})
        if (v->locked)
            return fail(ctx,
                        PromptError::make(PromptError::Kind::Locked,
                                          QStringLiteral("version %1 is locked: %2")
                                              .arg(v->versionNo)
                                              .arg(v->lockReason)),
                        false);
    const PromptVersionDiff d(va.value, vb.value);
    for (const QString &l : d.unifiedLines())
        ctx.out().line(l);
    if (!d.identical())
        ctx.out().line(d.summary());
    auto textJson = [](const LineDiff &l) {
        return QJsonObject{
            {QStringLiteral("identical"), l.identical()},
            {QStringLiteral("removed"), l.removedCount()},
            {QStringLiteral("added"), l.addedCount()},
            {QStringLiteral("unified"), QJsonArray::fromStringList(l.unifiedLines())}};
    };
    QJsonArray parameters;
    for (const auto &pc : d.parameters())
        parameters.append(QJsonObject{{QStringLiteral("field"), pc.field},
                                      {QStringLiteral("before"), pc.before},
                                      {QStringLiteral("after"), pc.after}});
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts diff")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("prompt_id"), ctx.args().at(1)},
                        {QStringLiteral("from"), *a},
                        {QStringLiteral("to"), *b},
                        {QStringLiteral("identical"), d.identical()},
                        {QStringLiteral("summary"), d.summary()},
                        {QStringLiteral("system_prompt"), textJson(d.systemPrompt())},
                        {QStringLiteral("user_prompt_template"), textJson(d.userTemplate())},
                        {QStringLiteral("parameters"), parameters}});
    return 0;
}

int PromptCommands::exportPrompts(CliContext &ctx)
{
    const auto &p = ctx.parser();
    if (const int e
        = checkUsage(ctx, QStringLiteral("export"),
                     {QStringLiteral("ids"), QStringLiteral("decrypt"), QStringLiteral("file")}, 0,
                     QStringLiteral("export [--ids ID,...] [--decrypt] --file F")))
        return e;
    if (!p.isSet(QStringLiteral("file")))
        return ctx.fail(2, QStringLiteral("prompts export needs --file F"));
    QStringList ids;
    for (const QString &v : p.values(QStringLiteral("ids")))
        for (const QString &id : v.split(u',', Qt::SkipEmptyParts))
            ids << id.trimmed();
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const QString path = p.value(QStringLiteral("file"));
    const auto written = PromptExporter(*c, PromptKeyCommands::codec(*c).get())
                             .exportFile(ids, p.isSet(QStringLiteral("decrypt")), path);
    if (!written.ok()) {
        PromptError e = written.error;
        e.message += QStringLiteral("\nNo file was written.");
        return fail(ctx, e, false);
    }
    const int count = written.value;
    ctx.out().line(QStringLiteral("exported %1 prompt(s) to %2").arg(count).arg(path));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts export")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("file"), path},
                        {QStringLiteral("prompts"), count}});
    return 0;
}

int PromptCommands::importPrompts(CliContext &ctx)
{
    if (const int e = checkUsage(ctx, QStringLiteral("import"), {QStringLiteral("dry-run")}, 1,
                                 QStringLiteral("import F [--dry-run]")))
        return e;
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const bool dryRun = ctx.parser().isSet(QStringLiteral("dry-run"));
    const auto r = PromptImporter(*c, PromptKeyCommands::codec(*c).get())
                       .importFile(ctx.args().at(1), dryRun,
                                   PromptActor::current(QStringLiteral("uaip-migrate")));
    if (!r.ok())
        return fail(ctx, r.error);
    QJsonArray items;
    for (const PromptImportItem &i : r.value.items) {
        QString what = PromptImportItem::kindName(i.kind);
        if (i.kind == PromptImportItem::Kind::Changed)
            what = QStringLiteral("changed: version %1 -> %2 (%3)")
                       .arg(i.fromVersion)
                       .arg(i.toVersion)
                       .arg(i.changedFields.join(QStringLiteral(", ")));
        else if (i.kind == PromptImportItem::Kind::MetadataChanged)
            what = QStringLiteral("metadata changed, still version %1 (%2)")
                       .arg(i.toVersion)
                       .arg(i.changedFields.join(QStringLiteral(", ")));
        ctx.out().line(QStringLiteral("  %1 %2").arg(pad(i.promptId, 32), what));
        items.append(QJsonObject{
            {QStringLiteral("prompt_id"), i.promptId},
            {QStringLiteral("action"), PromptImportItem::kindName(i.kind)},
            {QStringLiteral("from_version"), i.fromVersion},
            {QStringLiteral("to_version"), i.toVersion},
            {QStringLiteral("changed_fields"), QJsonArray::fromStringList(i.changedFields)}});
    }
    using K = PromptImportItem::Kind;
    const PromptImportPlan &plan = r.value;
    ctx.out().line(QStringLiteral("%1%2 new, %3 changed, %4 metadata changed, %5 unchanged")
                       .arg(dryRun ? QStringLiteral("dry run (nothing written): ") : QString())
                       .arg(plan.count(K::New))
                       .arg(plan.count(K::Changed))
                       .arg(plan.count(K::MetadataChanged))
                       .arg(plan.count(K::Unchanged)));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts import")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("dry_run"), dryRun},
                        {QStringLiteral("file"), plan.file},
                        {QStringLiteral("new"), plan.count(K::New)},
                        {QStringLiteral("changed"), plan.count(K::Changed)},
                        {QStringLiteral("metadata_changed"), plan.count(K::MetadataChanged)},
                        {QStringLiteral("unchanged"), plan.count(K::Unchanged)},
                        {QStringLiteral("prompts"), items}});
    return 0;
}

int PromptCommands::label(CliContext &ctx)
{
    const auto &p = ctx.parser();
    if (const int e = checkUsage(
            ctx, QStringLiteral("label"),
            {QStringLiteral("protect"), QStringLiteral("unprotect"), QStringLiteral("confirm")}, 3,
            QStringLiteral("label ID LABEL VERSION [--protect|--unprotect] "
                           "[--confirm DATABASE]")))
        return e;
    if (p.isSet(QStringLiteral("protect")) && p.isSet(QStringLiteral("unprotect")))
        return ctx.fail(2, QStringLiteral("--protect and --unprotect exclude each other"));
    const auto version = positiveNumber(ctx, ctx.args().at(3), QStringLiteral("version"));
    if (!version)
        return 2;
    PromptLabels::Move move;
    move.promptId = ctx.args().at(1);
    move.label = ctx.args().at(2);
    move.versionNo = *version;
    if (p.isSet(QStringLiteral("protect")))
        move.setProtected = true;
    else if (p.isSet(QStringLiteral("unprotect")))
        move.setProtected = false;
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const PromptActor actor = PromptActor::current(QStringLiteral("uaip-migrate"));
    PromptLabels labels(*c);
    auto r = labels.move(move, actor);
    if (!r.ok() && r.error.kind == PromptError::Kind::NeedsConfirmation) {
        if (!confirmDatabase(ctx, c->database(), r.error.message))
            return ctx.fail(2,
                            r.error.message
                                + QStringLiteral("\nThe label is protected: pass --confirm %1 "
                                                 "(the database name) or type it on a "
                                                 "terminal. Nothing was written.")
                                      .arg(c->database()));
        move.confirmProtected = true;
        r = labels.move(move, actor);
    }
    if (!r.ok())
        return fail(ctx, r.error);
    if (r.value == move.versionNo)
        ctx.out().line(QStringLiteral("%1: label %2 already on version %3")
                           .arg(move.promptId, move.label)
                           .arg(move.versionNo));
    else
        ctx.out().line(QStringLiteral("%1: label %2 moved %3 -> %4")
                           .arg(move.promptId, move.label,
                                r.value ? QString::number(r.value) : QStringLiteral("(new)"))
                           .arg(move.versionNo));
    ctx.out().document(
        {{QStringLiteral("command"), QStringLiteral("prompts label")},
         {QStringLiteral("ok"), true},
         {QStringLiteral("prompt_id"), move.promptId},
         {QStringLiteral("label"), move.label},
         {QStringLiteral("from_version"), r.value ? QJsonValue(r.value) : QJsonValue()},
         {QStringLiteral("to_version"), move.versionNo}});
    return 0;
}

int PromptCommands::history(CliContext &ctx)
{
    if (const int e
        = checkUsage(ctx, QStringLiteral("history"), {}, 1, QStringLiteral("history ID")))
        return e;
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const QString id = ctx.args().at(1);
    const auto detail = PromptStore(*c, PromptKeyCommands::codec(*c).get()).get(id);
    if (!detail.ok())
        return fail(ctx, detail.error, false);
    const auto moves = PromptLabels(*c).history(id);
    if (!moves.ok())
        return fail(ctx, moves.error, false);
    const auto audit = PromptAudit(*c).entries(id);
    if (!audit.ok())
        return fail(ctx, audit.error, false);
    auto &out = ctx.out();
    out.line(QStringLiteral("versions of %1:").arg(id));
    QJsonArray versions;
    for (const PromptVersion &v : detail.value.versions) {
        out.line(QStringLiteral("  %1 %2 %3 %4 %5")
                     .arg(pad(QString::number(v.versionNo), 4), stamp(v.createdAt),
                          pad(v.author, 12), v.checksum.left(12), v.changeNote));
        versions.append(versionJson(v, false));
    }
    out.line(QStringLiteral("label history:"));
    QJsonArray labelMoves;
    auto ver = [](int n) { return n ? QString::number(n) : QStringLiteral("-"); };
    for (const PromptLabelMove &m : moves.value) {
        out.line(QStringLiteral("  %1 %2 %3 -> %4 by %5 (console %6), %7")
                     .arg(stamp(m.movedAt), pad(m.label, 12), ver(m.fromVersion), ver(m.toVersion),
                          m.databaseUser,
                          m.consoleUser.isEmpty() ? QStringLiteral("-") : m.consoleUser, m.reason));
        labelMoves.append(QJsonObject{
            {QStringLiteral("label"), m.label},
            {QStringLiteral("from_version"),
             m.fromVersion ? QJsonValue(m.fromVersion) : QJsonValue()},
            {QStringLiteral("to_version"), m.toVersion ? QJsonValue(m.toVersion) : QJsonValue()},
            {QStringLiteral("database_user"), m.databaseUser},
            {QStringLiteral("console_user"), m.consoleUser},
            {QStringLiteral("reason"), m.reason},
            {QStringLiteral("moved_at"), m.movedAt.toUTC().toString(Qt::ISODate)}});
    }
    out.line(QStringLiteral("audit:"));
    QJsonArray auditRows;
    for (const PromptAuditEntry &a : audit.value) {
        out.line(
            QStringLiteral("  %1 %2 by %3 (console %4) %5")
                .arg(stamp(a.createdAt), pad(a.action, 18), a.databaseUser, a.consoleUser,
                     QString::fromUtf8(QJsonDocument(a.newValues).toJson(QJsonDocument::Compact))));
        auditRows.append(
            QJsonObject{{QStringLiteral("action"), a.action},
                        {QStringLiteral("database_user"), a.databaseUser},
                        {QStringLiteral("console_user"), a.consoleUser},
                        {QStringLiteral("old_values"), a.oldValues},
                        {QStringLiteral("new_values"), a.newValues},
                        {QStringLiteral("created_at"), a.createdAt.toUTC().toString(Qt::ISODate)}});
    }
    out.document({{QStringLiteral("command"), QStringLiteral("prompts history")},
                  {QStringLiteral("ok"), true},
                  {QStringLiteral("prompt_id"), id},
                  {QStringLiteral("versions"), versions},
                  {QStringLiteral("label_history"), labelMoves},
                  {QStringLiteral("audit"), auditRows}});
    return 0;
}

} // namespace uaip
