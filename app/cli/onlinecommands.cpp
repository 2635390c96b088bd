#include "onlinecommands.h"

#include "clicontext.h"
#include "db/sandbox.h"
#include "interruptwatch.h"
#include "online/onlinechangebuilder.h"
#include "util/visibletext.h"

#include <QJsonArray>

namespace uaip {

namespace {

QJsonArray strings(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

// The four files as they would be written, each under a line naming it.
QString files(const OnlineChangePair &pair)
{
    const OnlineChangeScripts &s = pair.scripts;
    QString text = QStringLiteral("--- %1/up.sql\n%2--- %1/down.sql\n%3")
                       .arg(pair.expandFolder,
                            VisibleText::escapedKeepingLines(QString::fromUtf8(s.expandUp)),
                            VisibleText::escapedKeepingLines(QString::fromUtf8(s.expandDown)));
    if (!s.single)
        text += QStringLiteral("--- %1/up.sql\n%2--- %1/down.sql\n%3")
                    .arg(pair.contractFolder,
                         VisibleText::escapedKeepingLines(QString::fromUtf8(s.contractUp)),
                         VisibleText::escapedKeepingLines(QString::fromUtf8(s.contractDown)));
    return text;
}

} // namespace

int OnlineCommands::create(CliContext &ctx)
{
    const QString name = ctx.args().value(0);
    const QByteArray sql = ctx.parser().value(QStringLiteral("online")).toUtf8();
    const bool dryRun = ctx.parser().isSet(QStringLiteral("dry-run"));
    if (ctx.args().size() != 1 || sql.trimmed().isEmpty())
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("usage: uaip-migrate --dir PATH new NAME --online \"SQL\" "
                                 "[--dry-run]")));
    if (!dryRun && !ctx.parser().isSet(QStringLiteral("dir")))
        return ctx.fail(2,
                        Error(ErrorCode::BadInput,
                              tr("new needs --dir PATH (the bundled migrations are read-only); "
                                 "--dry-run only prints the migrations"),
                              {{QStringLiteral("option"), QStringLiteral("dir")}}));
    const MigrationSource *source = ctx.source();
    if (!source)
        return 2;
    // proved on the sandbox of the target's major: --db's or --sandbox's server, else --pg N's,
    // else the default sandbox's
    const int serverVersion = ctx.targetServerVersion(false);
    if (serverVersion < 0)
        return 2;
    Sandbox sandbox = ctx.sandboxFor(serverVersion);
    OnlineChangeBuilder builder(sandbox, source->migrations());
    QObject::connect(&builder, &OnlineChangeBuilder::progress,
                     [&](const QString &step) { ctx.out().progress(step); });
    // SIGINT/SIGTERM: the proof stops before its next step; its scratch database is dropped
    const InterruptWatch interrupt([&builder] { builder.cancel(); });
    const Result<OnlineChangePair> built
        = builder.build(sql, name, QDateTime::currentDateTimeUtc());
    if (!built)
        return ctx.fail(built.error().code() == ErrorCode::BadInput ? 2 : 3,
                        Error(built.error()).in(tr("no online change written")));
    const OnlineChangePair &pair = built.value();
    const OnlineChangeScripts &s = pair.scripts;
    ctx.out().line(s.single ? tr("%1: PostgreSQL makes it in the catalog alone, so it is one "
                                 "migration, %2")
                                  .arg(pair.description, pair.expandFolder)
                            : tr("%1: expand %2, then contract %3")
                                  .arg(pair.description, pair.expandFolder, pair.contractFolder));
    for (const QString &note : s.notes)
        ctx.out().line(tr("  note: %1").arg(VisibleText::escaped(note)));
    ctx.out().line(tr("proved on a sandbox database of PostgreSQL %1 (%2): %3")
                       .arg(sandbox.major())
                       .arg(sandbox.rootDir(), pair.proof.join(QStringLiteral("; "))));
    QJsonObject doc{{QStringLiteral("command"), QStringLiteral("new")},
                    {QStringLiteral("online"), true},
                    {QStringLiteral("change"), pair.description},
                    {QStringLiteral("single"), s.single},
                    {QStringLiteral("expand"), pair.expandFolder},
                    {QStringLiteral("contract"), pair.contractFolder},
                    {QStringLiteral("notes"), strings(s.notes)},
                    {QStringLiteral("proof"), strings(pair.proof)},
                    {QStringLiteral("proved_on"),
                     QJsonObject{{QStringLiteral("major"), sandbox.major()},
                                 {QStringLiteral("sandbox"), sandbox.rootDir()}}},
                    {QStringLiteral("expand_up_sql"), QString::fromUtf8(s.expandUp)},
                    {QStringLiteral("expand_down_sql"), QString::fromUtf8(s.expandDown)},
                    {QStringLiteral("contract_up_sql"), QString::fromUtf8(s.contractUp)},
                    {QStringLiteral("contract_down_sql"), QString::fromUtf8(s.contractDown)}};
    if (dryRun) {
        ctx.out().line(files(pair));
    } else {
        const Result<QStringList> written
            = OnlineChangeBuilder::write(pair, source->dir(), source->migrations());
        if (!written)
            return ctx.fail(2, written.error());
        for (const QString &folder : written.value())
            ctx.out().line(tr("wrote %1/up.sql and %1/down.sql").arg(folder));
        if (!s.single)
            ctx.out().line(tr("apply the expand, deploy the application that uses the new shape, "
                              "then apply the contract: up refuses it while the workload still "
                              "names the old one"));
        doc.insert(QStringLiteral("folders"), strings(written.value()));
    }
    doc.insert(QStringLiteral("ok"), true);
    ctx.out().document(doc);
    return 0;
}

} // namespace uaip
