#include "promptseedwriter.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "existingprompt.h"
#include "personaseed.h"
#include "promptaudit.h"
#include "promptdigest.h"
#include "promptseed.h"
#include "prompttextcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

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

// The next semver label: 1.0.0 -> 1.1.0; anything unparsable restarts from the version number.
QString nextLabel(const QString &label, int versionNo)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)\\.(\\d+)$"));
    const auto m = re.match(label);
    if (!m.hasMatch())
        return QStringLiteral("1.%1.0").arg(versionNo - 1);
    return QStringLiteral("%1.%2.0").arg(m.captured(1)).arg(m.captured(2).toLongLong() + 1);
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

PromptSeedWriter::PromptSeedWriter(PgConnection &connection, const QString &file,
                                   const PromptSeeder::Options &options, bool encrypting,
                                   const QString &keyId, const QString &note, const QVariant &admin)
    : m_connection(connection)
    , m_file(file)
    , m_options(options)
    , m_encrypting(encrypting)
    , m_keyId(keyId)
    , m_note(note)
    , m_admin(admin)
{ }

Status PromptSeedWriter::writePrompt(const PromptSeed &seed, const SeedAction &a,
                                     const ExistingPrompt &existing)
{
    const QString where = QStringLiteral("%1: %2").arg(m_file, seed.label());
    // content_sha256: keyed for a sealed text (ContentDigest), SHA-256 for a plain one
    const Result<QString> digest = m_encrypting
        ? m_options.codec->contentDigest(seed.systemPrompt, seed.userPromptTemplate, m_keyId)
        : Result<QString>(PromptDigest::contentSha256(seed.systemPrompt, seed.userPromptTemplate));
    if (!digest.ok())
        return digest.error().in(where);
    const Status written = a.kind == SeedAction::Kind::Insert
        ? insertPrompt(seed, a, *digest)
        : updatePrompt(seed, a, *digest, existing);
    return written ? written : Status(written.error().in(where));
}

Status PromptSeedWriter::insertPrompt(const PromptSeed &seed, const SeedAction &a,
                                      const QString &digest)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Result<QString> text = stored(seed, uuid, 1);
    if (!text.ok())
        return text.error();
    PgResult r
        = m_connection.exec(SqlResource::of("prompts", "seed_prompt_insert"),
                            {seed.promptId, seed.name, seed.description, seed.promptType, *text,
                             templateOf(seed), seed.modelPreference, seed.temperature,
                             seed.maxTokens, rulesOf(seed), compactJson(seed.metadata()), uuid});
    if (const Status inserted = rowWritten(r); !inserted)
        return inserted;
    if (const Status v = insertVersion(r.value(0, 0), 1, seed, *text, digest); !v)
        return v;
    return writeAudit(QStringLiteral("ai_prompts"), r.value(0, 0), a);
}

Status PromptSeedWriter::updatePrompt(const PromptSeed &seed, const SeedAction &a,
                                      const QString &digest, const ExistingPrompt &e)
{
    const bool newVersion = a.kind == SeedAction::Kind::NewVersion;
    // Metadata only: the stored text stays as it is (same text, same version).
    const Result<QString> text
        = newVersion ? stored(seed, e.id, a.toVersion) : Result<QString>(e.storedPrompt);
    if (!text.ok())
        return text.error();
    if (newVersion) {
        if (const Status v = insertVersion(e.id, a.toVersion, seed, *text, digest); !v)
            return v;
    }
    PgResult r = m_connection.exec(
        SqlResource::of("prompts", "seed_prompt_update"),
        {e.id, seed.name, seed.description, seed.promptType, *text, templateOf(seed),
         seed.modelPreference, seed.temperature, seed.maxTokens, rulesOf(seed),
         compactJson(seed.metadata()), a.toVersion,
         newVersion ? nextLabel(e.versionLabel, a.toVersion) : e.versionLabel});
    if (!r.ok())
        return Error(r.error());
    return writeAudit(QStringLiteral("ai_prompts"), e.id, a);
}

Status PromptSeedWriter::insertPersona(const PersonaSeed &seed, const SeedAction &a)
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
         seed.status, seed.visibility, m_admin, compactJson(seed.tags)});
    Status written = rowWritten(r);
    if (written)
        written = writeAudit(QStringLiteral("personas"), r.value(0, 0), a);
    return written ? written
                   : Status(written.error().in(QStringLiteral("%1: %2").arg(m_file, seed.label())));
}

Status PromptSeedWriter::rowWritten(const PgResult &r)
{
    if (!r.ok())
        return Error(r.error());
    if (r.rows() != 1) // a trigger of the table skipped it (returned NULL)
        return Error(ErrorCode::Refused, tr("the row was not written (a trigger skipped it)"));
    return {};
}

Result<QString> PromptSeedWriter::stored(const PromptSeed &seed, const QString &uuid,
                                         int versionNo) const
{
    if (!m_encrypting)
        return seed.systemPrompt;
    return m_options.codec->encode(seed.systemPrompt, uuid, versionNo, m_keyId);
}

Status PromptSeedWriter::insertVersion(const QString &promptUuid, int versionNo,
                                       const PromptSeed &seed, const QString &stored,
                                       const QString &digest)
{
    PgResult r = m_connection.exec(
        SqlResource::of("prompts", "seed_version_insert"),
        {promptUuid, versionNo, stored,
         seed.userPromptTemplate ? QVariant(*seed.userPromptTemplate) : QVariant(),
         seed.modelPreference, seed.temperature, seed.maxTokens, m_note, digest});
    if (!r.ok())
        return Error(r.error());
    return {};
}

Status PromptSeedWriter::writeAudit(const QString &entity, const QString &uuid, const SeedAction &a)
{
    const bool persona = entity == QLatin1String("personas");
    const QString action
        = (persona ? QStringLiteral("persona.") : QStringLiteral("ai_prompt.")) + m_options.reason;
    QJsonObject oldValues;
    QJsonObject newValues{{QStringLiteral("action"), SeedAction::kindName(a.kind)},
                          {QStringLiteral("file"), m_file}};
    if (persona) {
        newValues.insert(QStringLiteral("name"), a.key);
    } else {
        oldValues.insert(QStringLiteral("version"),
                         a.fromVersion ? QJsonValue(a.fromVersion) : QJsonValue());
        newValues.insert(QStringLiteral("version"), a.toVersion);
        newValues.insert(QStringLiteral("fields"), QJsonArray::fromStringList(a.changedFields));
    }
    return PromptAudit(m_connection)
        .recordFor(entity, uuid, action, oldValues, newValues, m_options.actor);
}

} // namespace uaip
