#include "promptreadcommands.h"

#include "clicontext.h"
#include "promptcliformat.h"
#include "promptcliusage.h"
#include "promptkeycommands.h"
#include "prompts/promptaudit.h"
#include "prompts/promptlabels.h"
#include "prompts/promptlister.h"
#include "prompts/promptstore.h"
#include "prompts/promptvariables.h"
#include "prompts/promptversiondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace uaip {

namespace {

// --period-days N (30 when not given); nullopt after reporting a value that is no number of days.
std::optional<int> periodDays(CliContext &ctx)
{
    if (!ctx.parser().isSet(QStringLiteral("period-days")))
        return 30;
    const QString text = ctx.parser().value(QStringLiteral("period-days"));
    bool ok = false;
    const int days = text.toInt(&ok);
    if (ok && days >= 1)
        return days;
    ctx.fail(2,
             Error(ErrorCode::BadInput,
                   PromptReadCommands::tr("--period-days \"%1\" is not a number of days").arg(text),
                   {{QStringLiteral("option"), QStringLiteral("period-days")}}));
    return std::nullopt;
}

} // namespace

int PromptReadCommands::list(CliContext &ctx)
{
    const auto &p = ctx.parser();
    if (const int e = PromptCliUsage::check(
            ctx, QStringLiteral("list"),
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
    const std::optional<int> period = periodDays(ctx);
    if (!period)
        return 2;
    const int days = *period;
    filter.usageTo = QDateTime::currentDateTimeUtc();
    filter.usageFrom = filter.usageTo.addDays(-days);
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const auto r = PromptLister(*c, PromptKeyCommands::codec(*c).get()).list(filter);
    if (!r.ok())
        return PromptCliUsage::fail(ctx, r.error(), false);
    QJsonArray rows;
    ctx.out().line(
        QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
            .arg(PromptCliFormat::pad(tr("PROMPT"), 32), PromptCliFormat::pad(tr("TYPE"), 17),
                 PromptCliFormat::pad(tr("MODEL"), 28), PromptCliFormat::pad(tr("VERSION"), 7),
                 PromptCliFormat::pad(tr("ACTIVE"), 6), PromptCliFormat::pad(tr("USES"), 7),
                 PromptCliFormat::pad(tr("SUCCESS"), 7), tr("LABELS")));
    for (const PromptSummary &s : r.value()) {
        const QString success = s.successRate
            ? QStringLiteral("%1%").arg(*s.successRate * 100, 0, 'f', 1)
            : QStringLiteral("-");
        ctx.out().line(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8%9")
                           .arg(PromptCliFormat::pad(s.promptId, 32),
                                PromptCliFormat::pad(s.promptType, 17),
                                PromptCliFormat::pad(s.modelPreference, 28),
                                PromptCliFormat::pad(QString::number(s.currentVersion), 7),
                                PromptCliFormat::pad(s.isActive ? tr("yes") : tr("no"), 6),
                                PromptCliFormat::pad(QString::number(s.interactions), 7),
                                PromptCliFormat::pad(success, 7),
                                PromptCliFormat::labelsText(s.labels, s.latestVersion),
                                s.tampered     ? tr("  [TAMPERED: %1]").arg(s.lockReason)
                                    : s.locked ? tr("  [locked: %1]").arg(s.lockReason)
                                               : QString()));
        rows.append(QJsonObject{
            {QStringLiteral("prompt_id"), s.promptId},
            {QStringLiteral("id"), s.id},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("prompt_type"), s.promptType},
            {QStringLiteral("model_preference"), s.modelPreference},
            {QStringLiteral("current_version"), s.currentVersion},
            {QStringLiteral("labels"), PromptCliFormat::labelsJson(s.labels, s.latestVersion)},
            {QStringLiteral("is_active"), s.isActive},
            {QStringLiteral("locked"), s.locked},
            {QStringLiteral("tampered"), s.tampered},
            {QStringLiteral("lock_reason"), s.lockReason},
            {QStringLiteral("interactions"), s.interactions},
            {QStringLiteral("success_rate"), PromptCliFormat::optionalNumber(s.successRate)},
            {QStringLiteral("mean_latency_ms"), PromptCliFormat::optionalNumber(s.meanLatencyMs)}});
    }
    ctx.out().line(tr("%n prompt(s); usage over the last %1 day(s)", nullptr, int(r.value().size()))
                       .arg(days));
    ctx.out().document({{QStringLiteral("command"), QStringLiteral("prompts list")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("period_days"), days},
                        {QStringLiteral("prompts"), rows}});
    return 0;
}

int PromptReadCommands::show(CliContext &ctx)
{
    if (const int e
        = PromptCliUsage::check(ctx, QStringLiteral("show"), {QStringLiteral("prompt-version")}, 1,
                                QStringLiteral("show ID [--version N]")))
        return e;
    std::optional<int> version;
    if (ctx.parser().isSet(QStringLiteral("prompt-version"))) {
        version = PromptCliUsage::positiveNumber(
            ctx, ctx.parser().value(QStringLiteral("prompt-version")), QStringLiteral("--version"));
        if (!version)
            return 2;
    }
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const auto r
        = PromptStore(*c, PromptKeyCommands::codec(*c).get()).get(ctx.args().at(1), version);
    if (!r.ok())
        return PromptCliUsage::fail(ctx, r.error(), false);
    const PromptDetail &d = r.value();
    const PromptVersion &v = d.version;
    auto &out = ctx.out();
    out.line(QStringLiteral("%1  %2").arg(d.summary.promptId, d.summary.name));
    out.line((d.summary.isActive ? tr("  type %1, active, current version %2 (%3), labels %4")
                                 : tr("  type %1, inactive, current version %2 (%3), labels %4"))
                 .arg(d.summary.promptType)
                 .arg(d.summary.currentVersion)
                 .arg(d.versionLabel,
                      PromptCliFormat::labelsText(d.summary.labels, d.summary.latestVersion)));
    if (d.summary.tampered && !v.tampered)
        out.line(tr("  TAMPERED: %1").arg(d.summary.lockReason));
    out.line(tr("version %1 by %2 at %3: %4")
                 .arg(v.versionNo)
                 .arg(v.author, PromptCliFormat::stamp(v.createdAt), v.changeNote));
    out.line(tr("  model %1, temperature %2, max tokens %3, sha256 %4")
                 .arg(v.content.modelPreference)
                 .arg(v.content.temperature, 0, 'f', 2)
                 .arg(v.content.maxTokens)
                 .arg(v.checksum));
    const QStringList variables = printTexts(out, v);
    QJsonArray versions;
    for (const PromptVersion &h : d.versions)
        versions.append(PromptCliFormat::versionJson(h, false));
    out.document({{QStringLiteral("command"), QStringLiteral("prompts show")},
                  {QStringLiteral("ok"), true},
                  {QStringLiteral("prompt_id"), d.summary.promptId},
                  {QStringLiteral("id"), d.summary.id},
                  {QStringLiteral("name"), d.summary.name},
                  {QStringLiteral("description"), d.description},
                  {QStringLiteral("prompt_type"), d.summary.promptType},
                  {QStringLiteral("is_active"), d.summary.isActive},
                  {QStringLiteral("tampered"), d.summary.tampered},
                  {QStringLiteral("current_version"), d.summary.currentVersion},
                  {QStringLiteral("version_label"), d.versionLabel},
                  {QStringLiteral("labels"),
                   PromptCliFormat::labelsJson(d.summary.labels, d.summary.latestVersion)},
                  {QStringLiteral("version"), PromptCliFormat::versionJson(v, true)},
                  {QStringLiteral("variables"), QJsonArray::fromStringList(variables)},
                  {QStringLiteral("versions"), versions}});
    return 0;
}

QStringList PromptReadCommands::printTexts(CliOutput &out, const PromptVersion &v)
{
    QStringList variables;
    if (v.tampered) {
        out.line(tr("system prompt: TAMPERED (%1)").arg(v.lockReason));
    } else if (v.locked) {
        out.line(tr("system prompt: locked (%1)").arg(v.lockReason));
    } else {
        out.line(tr("--- system prompt"));
        out.line(v.content.systemPrompt);
        variables = PromptVariables(v.content.systemPrompt).names();
    }
    if (v.content.userPromptTemplate) {
        out.line(tr("--- user prompt template"));
        out.line(*v.content.userPromptTemplate);
        for (const QString &n : PromptVariables(*v.content.userPromptTemplate).names())
            if (!variables.contains(n))
                variables << n;
    }
    out.line(variables.isEmpty()
                 ? tr("--- variables: none")
                 : tr("--- variables: %1").arg(variables.join(QStringLiteral(", "))));
    return variables;
}

int PromptReadCommands::diff(CliContext &ctx)
{
    if (const int e = PromptCliUsage::check(ctx, QStringLiteral("diff"), {}, 3,
                                            QStringLiteral("diff ID VERSION_A VERSION_B")))
        return e;
    const auto a = PromptCliUsage::positiveNumber(ctx, ctx.args().at(2));
    if (!a)
        return 2;
    const auto b = PromptCliUsage::positiveNumber(ctx, ctx.args().at(3));
    if (!b)
        return 2;
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const auto codec = PromptKeyCommands::codec(*c);
    PromptStore store(*c, codec.get());
    const auto va = store.version(ctx.args().at(1), *a);
    if (!va.ok())
        return PromptCliUsage::fail(ctx, va.error(), false);
    const auto vb = store.version(ctx.args().at(1), *b);
    if (!vb.ok())
        return PromptCliUsage::fail(ctx, vb.error(), false);
    for (const PromptVersion *v : {&va.value(), &vb.value()})
        if (v->locked)
            return PromptCliUsage::fail(
                ctx,
                Error(ErrorCode::Locked,
                      tr("version %1 is locked: %2").arg(v->versionNo).arg(v->lockReason)),
                false);
    const PromptVersionDiff d(va.value(), vb.value());
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

int PromptReadCommands::history(CliContext &ctx)
{
    if (const int e = PromptCliUsage::check(ctx, QStringLiteral("history"), {}, 1,
                                            QStringLiteral("history ID")))
        return e;
    PgConnection *c = ctx.connect();
    if (!c)
        return 2;
    const QString id = ctx.args().at(1);
    const auto detail = PromptStore(*c, PromptKeyCommands::codec(*c).get()).get(id);
    if (!detail.ok())
        return PromptCliUsage::fail(ctx, detail.error(), false);
    const auto moves = PromptLabels(*c).history(id);
    if (!moves.ok())
        return PromptCliUsage::fail(ctx, moves.error(), false);
    const auto audit = PromptAudit(*c).entries(id);
    if (!audit.ok())
        return PromptCliUsage::fail(ctx, audit.error(), false);
    auto &out = ctx.out();
    out.line(tr("versions of %1:").arg(id));
    QJsonArray versions;
    for (const PromptVersion &v : detail.value().versions) {
        // A role other than the owner named another author or time: the database kept its own
        // (migration 0023) and the row's claim apart.
        const QString claim = !v.claimed()
            ? QString()
            : tr(" (claimed: author %1, created %2)")
                  .arg(v.claimedAuthor.isEmpty() ? QStringLiteral("-") : v.claimedAuthor,
                       v.claimedCreatedAt.isValid() ? PromptCliFormat::stamp(v.claimedCreatedAt)
                                                    : QStringLiteral("-"));
        out.line(QStringLiteral("  %1 %2 %3 %4 %5")
                     .arg(PromptCliFormat::pad(QString::number(v.versionNo), 4),
                          PromptCliFormat::stamp(v.createdAt), PromptCliFormat::pad(v.author, 12),
                          v.checksum.left(12), v.changeNote)
                 + claim);
        versions.append(PromptCliFormat::versionJson(v, false));
    }
    out.line(tr("label history:"));
    QJsonArray labelMoves;
    auto ver = [](int n) { return n ? QString::number(n) : QStringLiteral("-"); };
    for (const PromptLabelMove &m : moves.value()) {
        out.line(tr("  %1 %2 %3 -> %4 by %5 (console user claimed: %6), %7")
                     .arg(PromptCliFormat::stamp(m.movedAt), PromptCliFormat::pad(m.label, 12),
                          ver(m.fromVersion), ver(m.toVersion), m.databaseUser,
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
    out.line(tr("audit:"));
    QJsonArray auditRows;
    for (const PromptAuditEntry &a : audit.value()) {
        out.line(
            tr("  %1 %2 by %3 (console user claimed: %4) %5")
                .arg(PromptCliFormat::stamp(a.createdAt), PromptCliFormat::pad(a.action, 18),
                     a.databaseUser, a.consoleUser,
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
