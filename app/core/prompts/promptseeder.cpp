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

} // namespace

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
    PromptSeedReport report;
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

    // Encrypt or not: decided here, from the state row read FOR SHARE in this transaction (an
    // enable or disable waits for this run, or this run for it), as PromptStore decides.
    bool encrypting = false;
    QString keyId;
    if (m_connection.scalar(SqlResource::of("prompts", "seed_encryption_exists"))
        == QLatin1String("t")) {
        PgResult state = m_connection.exec(SqlResource::of("prompts", "encryption_state_share"));
        if (!state.ok() || state.rows() != 1)
            return fail(report, tr("encryption state: %1").arg(state.error().toString()));
        encrypting = state.value(0, "enabled") == u't';
        keyId = state.value(0, "key_id");
    }
    const PromptTextCodec *codec = options.codec;
    if (encrypting && !codec)
        return fail(report,
                    tr("encryption is on (key %1) and no key is loaded: the stored texts "
                       "can be neither compared nor written")
                        .arg(keyId));

    // 1. What is there.
    PgResult rows = m_connection.exec(SqlResource::of("prompts", "seed_prompts_existing"));
    if (!rows.ok())
        return fail(report, rows.error().toString());
    QHash<QString, ExistingPrompt> existing;
    for (int i = 0; i < rows.rows(); ++i) {
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
        existing.insert(rows.value(i, "prompt_id"), e);
    }
    PgResult names = m_connection.exec(SqlResource::of("prompts", "seed_personas_existing"));
    if (!names.ok())
        return fail(report, names.error().toString());
    QSet<QString> personaNames;
    for (int i = 0; i < names.rows(); ++i)
        personaNames.insert(names.value(i, 0));

    // 2. The plan.
    for (const PromptSeed &seed : file.prompts()) {
        SeedAction a;
        a.entity = QStringLiteral("prompt");
        a.key = seed.promptId;
        const auto it = existing.constFind(seed.promptId);
        if (it == existing.constEnd()) {
            a.kind = SeedAction::Kind::Insert;
            a.toVersion = 1;
            report.actions.append(a);
            continue;
        }
        const ExistingPrompt &e = *it;
        a.fromVersion = a.toVersion = e.currentVersion;
        // An envelope is compared by its decrypted text (bound to the row's current version).
        const bool sealed = codec ? codec->isEncrypted(e.storedPrompt)
                                  : PromptTextCodec::looksEncrypted(e.storedPrompt);
        QString systemPrompt = e.storedPrompt;
        if (sealed) {
            const PromptCodecResult plain = codec
                ? codec->decode(e.storedPrompt, e.id, e.currentVersion)
                : PromptCodecResult::failure(tr("encrypted; no key loaded"));
            if (!plain.ok())
                return fail(report,
                            tr("%1: prompt \"%2\": the stored text cannot be compared: %3")
                                .arg(file.displayName(), seed.promptId, plain.error));
            systemPrompt = plain.value;
        }
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
        a.changedFields = text + meta;
        if (a.changedFields.isEmpty())
            a.kind = SeedAction::Kind::Unchanged;
        else if (!options.update)
            a.kind = SeedAction::Kind::Differs;
        else if (!text.isEmpty()) {
            a.kind = SeedAction::Kind::NewVersion;
            a.toVersion = qMax(e.currentVersion, e.maxVersion) + 1;
            if (e.active && e.productionProtected)
                report.protectedMoves << seed.promptId;
        } else
            a.kind = SeedAction::Kind::UpdateMetadata;
        report.actions.append(a);
    }
    for (const PersonaSeed &seed : file.personas()) {
        SeedAction a;
        a.entity = QStringLiteral("persona");
        a.key = seed.name;
        a.kind = personaNames.contains(seed.name) ? SeedAction::Kind::Exists
                                                  : SeedAction::Kind::Insert;
        report.actions.append(a);
    }
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
    for (const PromptSeed &seed : file.prompts())
        if (PromptTextCodec::looksEncrypted(seed.systemPrompt))
            looksEncrypted << tr("%1: prompt \"%2\": its system prompt starts with \"%3\", the "
                                 "mark of an encrypted text; a plain text cannot start with it")
                                  .arg(file.displayName(), seed.promptId,
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
    if (options.dryRun)
        return report;

    // 3. The writes.
    PromptAudit trail(m_connection);
    if (auto who = trail.setSessionActor(options.actor, options.reason); !who.ok())
        return fail(report, who.error.message);
    // Confirmed (checked above): ai_prompt_label_move() lets this transaction's new versions
    // move each protected "production" and audits the confirmation.
    for (const QString &promptId : std::as_const(report.protectedMoves))
        if (const PromptError e = trail.confirmProtected(promptId, PromptLabel::production(),
                                                         std::nullopt, std::nullopt, options.actor);
            e.isSet())
            return fail(report, e.message);
    // A change note is stored in the database for every reader: not translated.
    const QString note = !options.changeNote.isEmpty()
        ? options.changeNote
        : QStringLiteral("seeded from %1").arg(file.displayName());
    QVariant admin;
    const QString adminId = m_connection.scalar(SqlResource::of("prompts", "seed_admin_user"));
    if (!adminId.isEmpty())
        admin = adminId;
    int actionIndex = 0;
    for (const PromptSeed &seed : file.prompts()) {
        const SeedAction &a = report.actions.at(actionIndex++);
        if (!a.writes())
            continue;
        const QVariant tmpl
            = seed.userPromptTemplate ? QVariant(*seed.userPromptTemplate) : QVariant();
        const QVariant rules
            = seed.validationRules ? QVariant(compactJson(*seed.validationRules)) : QVariant();
        const QString where = QStringLiteral("%1: %2").arg(file.displayName(), seed.label());
        QString error;
        // The text as it is stored: sealed for the prompt's uuid and the version written when
        // encryption is on (the ai_prompts row then serves that version).
        const auto stored = [&](const QString &uuid, int versionNo) {
            if (!encrypting)
                return PromptCodecResult::success(seed.systemPrompt);
            return codec->encode(seed.systemPrompt, uuid, versionNo, keyId);
        };
        // content_sha256: keyed for a sealed text (ContentDigest), SHA-256 for a plain one
        const PromptCodecResult digest = encrypting
            ? codec->contentDigest(seed.systemPrompt, seed.userPromptTemplate, keyId)
            : PromptCodecResult::success(
                PromptDigest::contentSha256(seed.systemPrompt, seed.userPromptTemplate));
        if (!digest.ok())
            return fail(report, QStringLiteral("%1: %2").arg(where, digest.error));
        if (a.kind == SeedAction::Kind::Insert) {
            const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const PromptCodecResult text = stored(uuid, 1);
            if (!text.ok())
                return fail(report, QStringLiteral("%1: %2").arg(where, text.error));
            PgResult r
                = m_connection.exec(SqlResource::of("prompts", "seed_prompt_insert"),
                                    {seed.promptId, seed.name, seed.description, seed.promptType,
                                     text.value, tmpl, seed.modelPreference, seed.temperature,
                                     seed.maxTokens, rules, compactJson(seed.metadata()), uuid});
            if (!r.ok() || r.rows() != 1)
                return fail(report, QStringLiteral("%1: %2").arg(where, r.error().toString()));
            if (!insertVersion(r.value(0, 0), 1, seed, text.value, digest.value, note, &error))
                return fail(report, QStringLiteral("%1: %2").arg(where, error));
            if (const QString err = writeAudit(QStringLiteral("ai_prompts"), r.value(0, 0), a,
                                               file.displayName(), options);
                !err.isEmpty())
                return fail(report, QStringLiteral("%1: %2").arg(where, err));
            continue;
        }
        const ExistingPrompt &e = existing[seed.promptId];
        const bool newVersion = a.kind == SeedAction::Kind::NewVersion;
        // Metadata only: the stored text stays as it is (same text, same version).
        const PromptCodecResult text
            = newVersion ? stored(e.id, a.toVersion) : PromptCodecResult::success(e.storedPrompt);
        if (!text.ok())
            return fail(report, QStringLiteral("%1: %2").arg(where, text.error));
        if (newVersion
            && !insertVersion(e.id, a.toVersion, seed, text.value, digest.value, note, &error))
            return fail(report, QStringLiteral("%1: %2").arg(where, error));
        PgResult r = m_connection.exec(
            SqlResource::of("prompts", "seed_prompt_update"),
            {e.id, seed.name, seed.description, seed.promptType, text.value, tmpl,
             seed.modelPreference, seed.temperature, seed.maxTokens, rules,
             compactJson(seed.metadata()), a.toVersion,
             newVersion ? nextLabel(e.versionLabel, a.toVersion) : e.versionLabel});
        if (!r.ok())
            return fail(report, QStringLiteral("%1: %2").arg(where, r.error().toString()));
        if (const QString err
            = writeAudit(QStringLiteral("ai_prompts"), e.id, a, file.displayName(), options);
            !err.isEmpty())
            return fail(report, QStringLiteral("%1: %2").arg(where, err));
    }
    for (const PersonaSeed &seed : file.personas()) {
        const SeedAction &a = report.actions.at(actionIndex++);
        if (!a.writes())
            continue;
        auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
        auto optional
            = [](const std::optional<double> &d) { return d ? QVariant(*d) : QVariant(); };
        PgResult r = m_connection.exec(
            SqlResource::of("prompts", "seed_persona_insert"),
            {seed.name, seed.role, seed.description, seed.background, seed.systemPrompt,
             compactJson(seed.traits), compactJson(seed.expertise), orNull(seed.tone),
             orNull(seed.style), orNull(seed.energyLevel), optional(seed.chattiness),
             optional(seed.empathyLevel),
             seed.expertise.isEmpty() ? QVariant() : QVariant(seed.expertise.first().left(255)),
             seed.status, seed.visibility, admin, compactJson(seed.tags)});
        if (!r.ok() || r.rows() != 1)
            return fail(report,
                        QStringLiteral("%1: %2: %3")
                            .arg(file.displayName(), seed.label(), r.error().toString()));
        if (const QString err
            = writeAudit(QStringLiteral("personas"), r.value(0, 0), a, file.displayName(), options);
            !err.isEmpty())
            return fail(report,
                        QStringLiteral("%1: %2: %3").arg(file.displayName(), seed.label(), err));
    }
    if (options.beforeCommit) {
        const QString problem = options.beforeCommit(report);
        if (!problem.isEmpty())
            return fail(report, problem);
    }
    if (const DbStatus committed = tx.commit(); !committed)
        return fail(report, tr("COMMIT failed: %1").arg(committed.error().toString()));
    return report;
}

} // namespace uaip
