#include "promptseeder.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "existingprompt.h"
#include "promptaudit.h"
#include "promptlabel.h"
#include "promptseedfile.h"
#include "promptseedwriter.h"
#include "prompttextcodec.h"

#include <QHash>
#include <QSet>

namespace uaip {

struct PromptSeeder::Run
{
    Run(const PromptSeedFile &f, const Options &o)
        : file(f)
        , options(o)
    { }

    const PromptSeedFile &file;
    const Options &options;
    PromptSeedReport report;
    bool encrypting = false;
    QString keyId;
    QHash<QString, ExistingPrompt> existing; // by prompt_id
    QSet<QString> personaNames;
};

PromptSeeder::PromptSeeder(PgConnection &connection)
    : m_connection(connection)
{ }

PromptSeedReport PromptSeeder::fail(PromptSeedReport report, const Error &error)
{
    report.outcome = PromptSeedReport::Outcome::Failed;
    // an empty server error (no answer) still fails
    report.error = error.isSet() ? error : Error(ErrorCode::Connection, error.text());
    report.message = report.error.toString();
    return report;
}

PromptSeedReport PromptSeeder::run(const PromptSeedFile &file, const Options &options)
{
    Run run(file, options);
    PromptSeedReport &report = run.report;
    report.file = file.displayName();
    report.dryRun = options.dryRun;
    report.update = options.update;
    if (!file.ok()) {
        report.outcome = PromptSeedReport::Outcome::BadInput;
        report.message = file.errorText();
        report.error = Error(ErrorCode::BadInput, report.message,
                             {{QStringLiteral("path"), file.displayName()}});
        return report;
    }
    // Every failure, a dry run and a refused plan return with the guard, which rolls back.
    Transaction tx(m_connection);
    if (const Status begun = tx.begin(); !begun)
        return fail(report, begun.error().in(tr("cannot begin a transaction")));
    PgResult lock = m_connection.exec(SqlResource::of("prompts", "seed_lock"));
    if (!lock.ok())
        return fail(report, Error(lock.error()));
    if (Stop stop = readEncryption(run))
        return *stop;
    // 1. What is there.
    if (Stop stop = readExisting(run))
        return *stop;
    // 2. The plan.
    if (Stop stop = plan(run))
        return *stop;
    if (Stop stop = checkRules(run))
        return *stop;
    if (options.dryRun)
        return report;
    // 3. The writes.
    if (Stop stop = write(run))
        return *stop;
    if (options.beforeCommit) {
        const QString problem = options.beforeCommit(report);
        if (!problem.isEmpty())
            return fail(report, Error(ErrorCode::Refused, problem));
    }
    if (const Status committed = tx.commit(); !committed)
        return fail(report, committed.error().in(tr("COMMIT failed")));
    return report;
}

PromptSeeder::Stop PromptSeeder::readEncryption(Run &run)
{
    // Encrypt or not: decided here, from the state row read FOR SHARE in this transaction (an
    // enable or disable waits for this run, or this run for it), as PromptStore decides.
    if (m_connection.scalar(SqlResource::of("prompts", "seed_encryption_exists"))
        == QLatin1String("t")) {
        PgResult state = m_connection.exec(SqlResource::of("prompts", "encryption_state_share"));
        if (!state.ok() || state.rows() != 1)
            return fail(run.report, Error(state.error()).in(tr("encryption state")));
        run.encrypting = state.value(0, "enabled") == u't';
        run.keyId = state.value(0, "key_id");
    }
    if (run.encrypting && !run.options.codec)
        return fail(run.report,
                    Error(ErrorCode::Locked,
                          tr("encryption is on (key %1) and no key is loaded: the stored texts "
                             "can be neither compared nor written")
                              .arg(run.keyId),
                          {{QStringLiteral("key"), run.keyId}}));
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::readExisting(Run &run)
{
    PgResult rows = m_connection.exec(SqlResource::of("prompts", "seed_prompts_existing"));
    if (!rows.ok())
        return fail(run.report, Error(rows.error()));
    for (int i = 0; i < rows.rows(); ++i)
        run.existing.insert(rows.value(i, "prompt_id"), ExistingPrompt::fromRow(rows, i));
    PgResult names = m_connection.exec(SqlResource::of("prompts", "seed_personas_existing"));
    if (!names.ok())
        return fail(run.report, Error(names.error()));
    for (int i = 0; i < names.rows(); ++i)
        run.personaNames.insert(names.value(i, 0));
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::plan(Run &run)
{
    for (const PromptSeed &seed : run.file.prompts())
        if (Stop stop = planPrompt(run, seed))
            return stop;
    for (const PersonaSeed &seed : run.file.personas()) {
        SeedAction a;
        a.entity = QStringLiteral("persona");
        a.key = seed.name;
        a.kind = run.personaNames.contains(seed.name) ? SeedAction::Kind::Exists
                                                      : SeedAction::Kind::Insert;
        run.report.actions.append(a);
    }
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::planPrompt(Run &run, const PromptSeed &seed)
{
    SeedAction a;
    a.entity = QStringLiteral("prompt");
    a.key = seed.promptId;
    const auto it = run.existing.constFind(seed.promptId);
    if (it == run.existing.constEnd()) {
        a.kind = SeedAction::Kind::Insert;
        a.toVersion = 1;
        run.report.actions.append(a);
        return std::nullopt;
    }
    const ExistingPrompt &e = *it;
    a.fromVersion = a.toVersion = e.currentVersion;
    // An envelope is compared by its decrypted text (bound to the row's current version).
    const PromptTextCodec *codec = run.options.codec;
    const bool sealed = codec ? codec->isEncrypted(e.storedPrompt)
                              : PromptTextCodec::looksEncrypted(e.storedPrompt);
    QString systemPrompt = e.storedPrompt;
    if (sealed) {
        const Result<QString> plain = codec
            ? codec->decode(e.storedPrompt, e.id, e.currentVersion)
            : Result<QString>(Error(ErrorCode::Locked, tr("encrypted; no key loaded")));
        if (!plain.ok())
            return fail(run.report,
                        Error(plain.error().code(),
                              tr("%1: prompt \"%2\": the stored text cannot be compared: %3")
                                  .arg(run.file.displayName(), seed.promptId, plain.error().text()),
                              {{QStringLiteral("prompt"), seed.promptId}}));
        systemPrompt = *plain;
    }
    const QStringList text = e.changedText(systemPrompt, seed);
    const QStringList meta = e.changedMetadata(seed);
    a.changedFields = text + meta;
    if (a.changedFields.isEmpty())
        a.kind = SeedAction::Kind::Unchanged;
    else if (!run.options.update)
        a.kind = SeedAction::Kind::Differs;
    else if (!text.isEmpty()) {
        a.kind = SeedAction::Kind::NewVersion;
        a.toVersion = qMax(e.currentVersion, e.maxVersion) + 1;
        if (e.active && e.productionProtected)
            run.report.protectedMoves << seed.promptId;
    } else
        a.kind = SeedAction::Kind::UpdateMetadata;
    run.report.actions.append(a);
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::checkRules(Run &run)
{
    const Options &options = run.options;
    PromptSeedReport &report = run.report;
    if (options.checkPlan) {
        const QStringList problems = options.checkPlan(report);
        if (!problems.isEmpty()) {
            report.outcome = PromptSeedReport::Outcome::BadInput;
            report.message = problems.join(u'\n');
            report.error = Error(ErrorCode::BadInput, report.message);
            return report;
        }
    }
    // The rules every writer meets (migration 0018 enforces them in the database too).
    QStringList looksEncrypted;
    for (const PromptSeed &seed : run.file.prompts())
        if (PromptTextCodec::looksEncrypted(seed.systemPrompt))
            looksEncrypted << tr("%1: prompt \"%2\": its system prompt starts with \"%3\", the "
                                 "mark of an encrypted text; a plain text cannot start with it")
                                  .arg(run.file.displayName(), seed.promptId,
                                       QLatin1String(PromptTextCodec::kEnvelopePrefix));
    if (!looksEncrypted.isEmpty()) {
        report.outcome = PromptSeedReport::Outcome::BadInput;
        report.message = looksEncrypted.join(u'\n');
        report.error = Error(ErrorCode::BadInput, report.message);
        return report;
    }
    // A dry run lists them (protectedMoves) for the caller to ask before the real run.
    if (!report.protectedMoves.isEmpty() && !options.confirmProtected && !options.dryRun) {
        report.outcome = PromptSeedReport::Outcome::NeedsConfirmation;
        report.message = tr("a new version would move the protected label \"production\" of "
                            "%n prompt(s): %1; confirm to write them",
                            nullptr, int(report.protectedMoves.size()))
                             .arg(report.protectedMoves.join(QStringLiteral(", ")));
        report.error = Error(ErrorCode::NeedsConfirmation, report.message);
        return report;
    }
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::write(Run &run)
{
    const Options &options = run.options;
    PromptAudit trail(m_connection);
    if (auto who = trail.setSessionActor(options.actor, options.reason); !who.ok())
        return fail(run.report, who.error());
    // Confirmed (checked above): ai_prompt_label_move() lets this transaction's new versions
    // move each protected "production" and audits the confirmation.
    for (const QString &promptId : std::as_const(run.report.protectedMoves))
        if (const Status moved = trail.confirmProtected(promptId, PromptLabel::production(),
                                                        std::nullopt, std::nullopt, options.actor);
            !moved)
            return fail(run.report, moved.error());
    // A change note is stored in the database for every reader: not translated.
    const QString note = !options.changeNote.isEmpty()
        ? options.changeNote
        : QStringLiteral("seeded from %1").arg(run.file.displayName());
    QVariant admin; // who creates the personas
    const QString adminId = m_connection.scalar(SqlResource::of("prompts", "seed_admin_user"));
    if (!adminId.isEmpty())
        admin = adminId;
    PromptSeedWriter writer(m_connection, run.file.displayName(), options, run.encrypting,
                            run.keyId, note, admin);
    int actionIndex = 0;
    for (const PromptSeed &seed : run.file.prompts()) {
        const SeedAction &a = run.report.actions.at(actionIndex++);
        if (!a.writes())
            continue;
        if (const Status written = writer.writePrompt(seed, a, run.existing.value(seed.promptId));
            !written)
            return fail(run.report, written.error());
    }
    for (const PersonaSeed &seed : run.file.personas()) {
        const SeedAction &a = run.report.actions.at(actionIndex++);
        if (!a.writes())
            continue;
        if (const Status written = writer.insertPersona(seed, a); !written)
            return fail(run.report, written.error());
    }
    return std::nullopt;
}

} // namespace uaip
