#include "promptseeder.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transactionguard.h"
#include "promptaudit.h"
#include "promptdigest.h"
#include "promptlabel.h"
#include "promptseedfile.h"
#include "prompttextcodec.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <cmath>

namespace uaip {

namespace {

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compactJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// The next semver label: 1.0.0 -> 1.1.0; anything unparsable restarts from the version number.
QString nextLabel(const QString &label, int versionNo)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)\\.(\\d+)$"));
    const auto m = re.match(label);
    if (!m.hasMatch())
        return QStringLiteral("1.%1.0").arg(versionNo - 1);
    return QStringLiteral("%1.%2.0").arg(m.captured(1)).arg(m.captured(2).toLongLong() + 1);
}

// One existing ai_prompts row, as far as seeding compares it.
struct ExistingPrompt
{
    QString id;
    QString name, description, promptType, modelPreference, versionLabel;
    QString storedPrompt; // as stored: plain text or an envelope
    std::optional<QString> userPromptTemplate;
    double temperature = 0;
    int maxTokens = 0;
    QJsonObject validationRules, metadata;
    bool hasValidationRules = false;
    int currentVersion = 1;
    int maxVersion = 0;
    bool active = false;
    bool productionProtected = false;
};

ExistingPrompt readExistingPrompt(const PgResult &rows, int i)
{
    ExistingPrompt e;
    e.id = rows.value(i, "id");
    e.name = rows.value(i, "name");
    e.description = rows.value(i, "description");
    e.promptType = rows.value(i, "prompt_type");
    e.storedPrompt = rows.value(i, "system_prompt");
    const int t = rows.columnIndex("user_prompt_template");
    if (!rows.isNull(i, t))
        e.userPromptTemplate = rows.value(i, t);
    e.modelPreference = rows.value(i, "model_preference");
    e.temperature = rows.value(i, "temperature").toDouble();
    e.maxTokens = rows.value(i, "max_tokens").toInt();
    e.hasValidationRules = !rows.isNull(i, rows.columnIndex("validation_rules"));
    e.validationRules = parseObject(rows.value(i, "validation_rules"));
    e.metadata = parseObject(rows.value(i, "metadata"));
    e.versionLabel = rows.value(i, "version");
    e.currentVersion = rows.value(i, "current_version").toInt();
    e.maxVersion = rows.value(i, "max_version").toInt();
    e.active = rows.value(i, "is_active") == u't';
    e.productionProtected = rows.value(i, "production_protected") == u't';
    return e;
}

// The fields of the text that differ (any of them makes a new version); systemPrompt is the
// stored one, decrypted.
QStringList changedText(const ExistingPrompt &e, const QString &systemPrompt,
                        const PromptSeed &seed)
{
    QStringList text;
    if (systemPrompt != seed.systemPrompt)
        text << QStringLiteral("system_prompt");
    if (e.userPromptTemplate != seed.userPromptTemplate)
        text << QStringLiteral("user_prompt_template");
    if (e.modelPreference != seed.modelPreference)
        text << QStringLiteral("model_preference");
    if (std::llround(e.temperature * 100) != std::llround(seed.temperature * 100))
        text << QStringLiteral("temperature");
    if (e.maxTokens != seed.maxTokens)
        text << QStringLiteral("max_tokens");
    return text;
}

// The metadata fields that differ (updated in the row, without a new version).
QStringList changedMetadata(const ExistingPrompt &e, const PromptSeed &seed)
{
    QStringList meta;
    if (e.name != seed.name)
        meta << QStringLiteral("name");
    if (e.description != seed.description)
        meta << QStringLiteral("description");
    if (e.promptType != seed.promptType)
        meta << QStringLiteral("prompt_type");
    if (e.hasValidationRules != seed.validationRules.has_value()
        || (seed.validationRules && e.validationRules != *seed.validationRules))
        meta << QStringLiteral("validation_rules");
    const QJsonObject seedMeta = seed.metadata();
    for (auto m = seedMeta.constBegin(); m != seedMeta.constEnd(); ++m)
        if (e.metadata.value(m.key()) != m.value())
            meta << QStringLiteral("metadata.%1").arg(m.key());
    return meta;
}

QVariant templateOf(const PromptSeed &seed)
{
    return seed.userPromptTemplate ? QVariant(*seed.userPromptTemplate) : QVariant();
}

QVariant rulesOf(const PromptSeed &seed)
{
    return seed.validationRules ? QVariant(compactJson(*seed.validationRules)) : QVariant();
}

} // namespace

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
    QString note; // the change note of the versions written
    QVariant admin; // who creates the personas

    // The text as it is stored: sealed for the prompt's uuid and the version written when
    // encryption is on (the ai_prompts row then serves that version).
    PromptCodecResult stored(const PromptSeed &seed, const QString &uuid, int versionNo) const
    {
        if (!encrypting)
            return PromptCodecResult::success(seed.systemPrompt);
        return options.codec->encode(seed.systemPrompt, uuid, versionNo, keyId);
    }
};

PromptSeeder::PromptSeeder(PgConnection &connection)
    : m_connection(connection)
{ }

PromptSeedReport PromptSeeder::fail(PromptSeedReport report, const QString &message)
{
    report.outcome = PromptSeedReport::Outcome::Failed;
    report.message = message;
    return report;
}

bool PromptSeeder::insertVersion(const QString &promptUuid, int versionNo, const PromptSeed &seed,
                                 const QString &stored, const QString &digest, const QString &note,
                                 QString *error)
{
    PgResult r = m_connection.exec(
        SqlResource::of("prompts", "seed_version_insert"),
        {promptUuid, versionNo, stored,
         seed.userPromptTemplate ? QVariant(*seed.userPromptTemplate) : QVariant(),
         seed.modelPreference, seed.temperature, seed.maxTokens, note, digest});
    if (!r.ok())
        *error = r.error().toString();
    return r.ok();
}

QString PromptSeeder::writeAudit(const QString &entity, const QString &uuid, const SeedAction &a,
                                 const QString &file, const Options &options)
{
    const bool persona = entity == QLatin1String("personas");
    const QString action
        = (persona ? QStringLiteral("persona.") : QStringLiteral("ai_prompt.")) + options.reason;
    QJsonObject oldValues;
    QJsonObject newValues{{QStringLiteral("action"), SeedAction::kindName(a.kind)},
                          {QStringLiteral("file"), file}};
    if (persona) {
        newValues.insert(QStringLiteral("name"), a.key);
    } else {
        oldValues.insert(QStringLiteral("version"),
                         a.fromVersion ? QJsonValue(a.fromVersion) : QJsonValue());
        newValues.insert(QStringLiteral("version"), a.toVersion);
        newValues.insert(QStringLiteral("fields"), QJsonArray::fromStringList(a.changedFields));
    }
    const PromptError e = PromptAudit(m_connection)
                              .recordFor(entity, uuid, action, oldValues, newValues, options.actor);
    return e.isSet() ? e.message : QString();
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
        return report;
    }
    // Every failure, a dry run and a refused plan return with the guard, which rolls back.
    TransactionGuard tx(m_connection);
    if (const DbStatus begun = tx.begin(); !begun)
        return fail(report, tr("cannot begin a transaction: %1").arg(begun.error().toString()));
    PgResult lock = m_connection.exec(SqlResource::of("prompts", "seed_lock"));
    if (!lock.ok())
        return fail(report, lock.error().toString());
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
            return fail(report, problem);
    }
    if (const DbStatus committed = tx.commit(); !committed)
        return fail(report, tr("COMMIT failed: %1").arg(committed.error().toString()));
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
            return fail(run.report, tr("encryption state: %1").arg(state.error().toString()));
        run.encrypting = state.value(0, "enabled") == u't';
        run.keyId = state.value(0, "key_id");
    }
    if (run.encrypting && !run.options.codec)
        return fail(run.report,
                    tr("encryption is on (key %1) and no key is loaded: the stored texts "
                       "can be neither compared nor written")
                        .arg(run.keyId));
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::readExisting(Run &run)
{
    PgResult rows = m_connection.exec(SqlResource::of("prompts", "seed_prompts_existing"));
    if (!rows.ok())
        return fail(run.report, rows.error().toString());
    for (int i = 0; i < rows.rows(); ++i)
        run.existing.insert(rows.value(i, "prompt_id"), readExistingPrompt(rows, i));
    PgResult names = m_connection.exec(SqlResource::of("prompts", "seed_personas_existing"));
    if (!names.ok())
        return fail(run.report, names.error().toString());
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
        const PromptCodecResult plain = codec
            ? codec->decode(e.storedPrompt, e.id, e.currentVersion)
            : PromptCodecResult::failure(tr("encrypted; no key loaded"));
        if (!plain.ok())
            return fail(run.report,
                        tr("%1: prompt \"%2\": the stored text cannot be compared: %3")
                            .arg(run.file.displayName(), seed.promptId, plain.error));
        systemPrompt = plain.value;
    }
    const QStringList text = changedText(e, systemPrompt, seed);
    const QStringList meta = changedMetadata(e, seed);
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
        return report;
    }
    // A dry run lists them (protectedMoves) for the caller to ask before the real run.
    if (!report.protectedMoves.isEmpty() && !options.confirmProtected && !options.dryRun) {
        report.outcome = PromptSeedReport::Outcome::NeedsConfirmation;
        report.message = tr("a new version would move the protected label \"production\" of "
                            "%n prompt(s): %1; confirm to write them",
                            nullptr, int(report.protectedMoves.size()))
                             .arg(report.protectedMoves.join(QStringLiteral(", ")));
        return report;
    }
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::write(Run &run)
{
    const Options &options = run.options;
    PromptAudit trail(m_connection);
    if (auto who = trail.setSessionActor(options.actor, options.reason); !who.ok())
        return fail(run.report, who.error.message);
    // Confirmed (checked above): ai_prompt_label_move() lets this transaction's new versions
    // move each protected "production" and audits the confirmation.
    for (const QString &promptId : std::as_const(run.report.protectedMoves))
        if (const PromptError e = trail.confirmProtected(promptId, PromptLabel::production(),
                                                         std::nullopt, std::nullopt, options.actor);
            e.isSet())
            return fail(run.report, e.message);
    // A change note is stored in the database for every reader: not translated.
    run.note = !options.changeNote.isEmpty()
        ? options.changeNote
        : QStringLiteral("seeded from %1").arg(run.file.displayName());
    const QString adminId = m_connection.scalar(SqlResource::of("prompts", "seed_admin_user"));
    if (!adminId.isEmpty())
        run.admin = adminId;
    int actionIndex = 0;
    for (const PromptSeed &seed : run.file.prompts()) {
        const SeedAction &a = run.report.actions.at(actionIndex++);
        if (!a.writes())
            continue;
        if (Stop stop = writePrompt(run, seed, a))
            return stop;
    }
    for (const PersonaSeed &seed : run.file.personas()) {
        const SeedAction &a = run.report.actions.at(actionIndex++);
        if (!a.writes())
            continue;
        if (Stop stop = insertPersona(run, seed, a))
            return stop;
    }
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::writePrompt(Run &run, const PromptSeed &seed, const SeedAction &a)
{
    const QString where = QStringLiteral("%1: %2").arg(run.file.displayName(), seed.label());
    // content_sha256: keyed for a sealed text (ContentDigest), SHA-256 for a plain one
    const PromptCodecResult digest = run.encrypting
        ? run.options.codec->contentDigest(seed.systemPrompt, seed.userPromptTemplate, run.keyId)
        : PromptCodecResult::success(
            PromptDigest::contentSha256(seed.systemPrompt, seed.userPromptTemplate));
    if (!digest.ok())
        return fail(run.report, QStringLiteral("%1: %2").arg(where, digest.error));
    if (a.kind == SeedAction::Kind::Insert)
        return insertPrompt(run, seed, a, where, digest.value);
    return updatePrompt(run, seed, a, where, digest.value);
}

PromptSeeder::Stop PromptSeeder::insertPrompt(Run &run, const PromptSeed &seed, const SeedAction &a,
                                              const QString &where, const QString &digest)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const PromptCodecResult text = run.stored(seed, uuid, 1);
    if (!text.ok())
        return fail(run.report, QStringLiteral("%1: %2").arg(where, text.error));
    PgResult r
        = m_connection.exec(SqlResource::of("prompts", "seed_prompt_insert"),
                            {seed.promptId, seed.name, seed.description, seed.promptType,
                             text.value, templateOf(seed), seed.modelPreference, seed.temperature,
                             seed.maxTokens, rulesOf(seed), compactJson(seed.metadata()), uuid});
    if (!r.ok() || r.rows() != 1)
        return fail(run.report, QStringLiteral("%1: %2").arg(where, r.error().toString()));
    QString error;
    if (!insertVersion(r.value(0, 0), 1, seed, text.value, digest, run.note, &error))
        return fail(run.report, QStringLiteral("%1: %2").arg(where, error));
    if (const QString err = writeAudit(QStringLiteral("ai_prompts"), r.value(0, 0), a,
                                       run.file.displayName(), run.options);
        !err.isEmpty())
        return fail(run.report, QStringLiteral("%1: %2").arg(where, err));
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::updatePrompt(Run &run, const PromptSeed &seed, const SeedAction &a,
                                              const QString &where, const QString &digest)
{
    const ExistingPrompt &e = run.existing[seed.promptId];
    const bool newVersion = a.kind == SeedAction::Kind::NewVersion;
    // Metadata only: the stored text stays as it is (same text, same version).
    const PromptCodecResult text = newVersion ? run.stored(seed, e.id, a.toVersion)
                                              : PromptCodecResult::success(e.storedPrompt);
    if (!text.ok())
        return fail(run.report, QStringLiteral("%1: %2").arg(where, text.error));
    QString error;
    if (newVersion && !insertVersion(e.id, a.toVersion, seed, text.value, digest, run.note, &error))
        return fail(run.report, QStringLiteral("%1: %2").arg(where, error));
    PgResult r = m_connection.exec(
        SqlResource::of("prompts", "seed_prompt_update"),
        {e.id, seed.name, seed.description, seed.promptType, text.value, templateOf(seed),
         seed.modelPreference, seed.temperature, seed.maxTokens, rulesOf(seed),
         compactJson(seed.metadata()), a.toVersion,
         newVersion ? nextLabel(e.versionLabel, a.toVersion) : e.versionLabel});
    if (!r.ok())
        return fail(run.report, QStringLiteral("%1: %2").arg(where, r.error().toString()));
    if (const QString err
        = writeAudit(QStringLiteral("ai_prompts"), e.id, a, run.file.displayName(), run.options);
        !err.isEmpty())
        return fail(run.report, QStringLiteral("%1: %2").arg(where, err));
    return std::nullopt;
}

PromptSeeder::Stop PromptSeeder::insertPersona(Run &run, const PersonaSeed &seed,
                                               const SeedAction &a)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    auto optional = [](const std::optional<double> &d) { return d ? QVariant(*d) : QVariant(); };
    PgResult r = m_connection.exec(
        SqlResource::of("prompts", "seed_persona_insert"),
        {seed.name, seed.role, seed.description, seed.background, seed.systemPrompt,
         compactJson(seed.traits), compactJson(seed.expertise), orNull(seed.tone),
         orNull(seed.style), orNull(seed.energyLevel), optional(seed.chattiness),
         optional(seed.empathyLevel),
         seed.expertise.isEmpty() ? QVariant() : QVariant(seed.expertise.first().left(255)),
         seed.status, seed.visibility, run.admin, compactJson(seed.tags)});
    if (!r.ok() || r.rows() != 1)
        return fail(run.report,
                    QStringLiteral("%1: %2: %3")
                        .arg(run.file.displayName(), seed.label(), r.error().toString()));
    if (const QString err = writeAudit(QStringLiteral("personas"), r.value(0, 0), a,
                                       run.file.displayName(), run.options);
        !err.isEmpty())
        return fail(run.report,
                    QStringLiteral("%1: %2: %3").arg(run.file.displayName(), seed.label(), err));
    return std::nullopt;
}

} // namespace uaip
