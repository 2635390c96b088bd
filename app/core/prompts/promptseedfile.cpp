#include "promptseedfile.h"

#include "promptvalidator.h"
#include "promptvariables.h"
#include "seedfieldreader.h"
#include "sqlparse/textposition.h"
#include "util/jsonduplicatekeys.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace uaip {

namespace {

const QStringList kPromptTypes{QStringLiteral("reference_coach"), QStringLiteral("verification"),
                               QStringLiteral("authenticity"), QStringLiteral("quality_analysis"),
                               QStringLiteral("bulk_processing")};
const QStringList kSecurityLevels{QStringLiteral("low"), QStringLiteral("medium"),
                                  QStringLiteral("high"), QStringLiteral("critical")};
const QStringList kTones{QStringLiteral("concise"),    QStringLiteral("verbose"),
                         QStringLiteral("analytical"), QStringLiteral("casual"),
                         QStringLiteral("empathetic"), QStringLiteral("humorous"),
                         QStringLiteral("cautious"),   QStringLiteral("optimistic")};
const QStringList kStyles{QStringLiteral("structured"),    QStringLiteral("freeform"),
                          QStringLiteral("inquisitive"),   QStringLiteral("decisive"),
                          QStringLiteral("collaborative"), QStringLiteral("authoritative")};
const QStringList kEnergyLevels{QStringLiteral("low"), QStringLiteral("moderate"),
                                QStringLiteral("high"), QStringLiteral("dynamic")};
const QStringList kPersonaStatuses{QStringLiteral("draft"), QStringLiteral("active"),
                                   QStringLiteral("inactive"), QStringLiteral("archived")};
const QStringList kVisibilities{QStringLiteral("private"), QStringLiteral("team"),
                                QStringLiteral("organization"), QStringLiteral("public")};

const QStringList kPromptFields{QStringLiteral("prompt_id"),
                                QStringLiteral("name"),
                                QStringLiteral("description"),
                                QStringLiteral("prompt_type"),
                                QStringLiteral("model_preference"),
                                QStringLiteral("temperature"),
                                QStringLiteral("max_tokens"),
                                QStringLiteral("audience"),
                                QStringLiteral("security_level"),
                                QStringLiteral("system_prompt"),
                                QStringLiteral("user_prompt_template"),
                                QStringLiteral("variables"),
                                QStringLiteral("validation_rules")};
const QStringList kPersonaFields{QStringLiteral("name"),          QStringLiteral("role"),
                                 QStringLiteral("description"),   QStringLiteral("background"),
                                 QStringLiteral("system_prompt"), QStringLiteral("traits"),
                                 QStringLiteral("expertise"),     QStringLiteral("tone"),
                                 QStringLiteral("style"),         QStringLiteral("energy_level"),
                                 QStringLiteral("chattiness"),    QStringLiteral("empathy_level"),
                                 QStringLiteral("status"),        QStringLiteral("visibility"),
                                 QStringLiteral("tags")};

} // namespace

bool PromptSeedFile::load(const QString &path)
{
    m_path = path;
    const QString display = path == bundledPath() ? QFileInfo(path).fileName() : path;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_displayName = display;
        m_prompts.clear();
        m_personas.clear();
        m_errors = {tr("%1: cannot read: %2").arg(display, f.errorString())};
        return false;
    }
    // The size first, from the file system: a huge file is refused without reading it. Then
    // at most one byte more than the cap (a file that grew, or a special file).
    const auto refuseSize = [&](qint64 bytes) {
        m_displayName = display;
        m_prompts.clear();
        m_personas.clear();
        m_errors = {tr("%1: %2 MiB is more than the %3 MiB a prompt file may have; nothing "
                       "was read")
                        .arg(display)
                        .arg(double(bytes) / (1024 * 1024), 0, 'f', 1)
                        .arg(kMaxFileBytes / (1024 * 1024))};
        return false;
    };
    if (f.size() > kMaxFileBytes)
        return refuseSize(f.size());
    const QByteArray bytes = f.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes)
        return refuseSize(bytes.size());
    return parse(bytes, display);
}

bool PromptSeedFile::parse(const QByteArray &json, const QString &displayName)
{
    m_displayName = displayName;
    m_prompts.clear();
    m_personas.clear();
    m_errors.clear();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition at = TextPosition::fromOffset(json, parseError.offset);
        m_errors.append(tr("%1:%2: invalid JSON: %3")
                            .arg(displayName, at.toString(), parseError.errorString()));
        return false;
    }
    // Qt keeps the last of two equal keys silently: a repeated key is an error here.
    if (const JsonDuplicateKeys dup = JsonDuplicateKeys::find(json); dup.found()) {
        m_errors.append(tr("%1:%2: duplicate key \"%3\" (first at %4); every key of an object "
                           "must be unique")
                            .arg(displayName, TextPosition::fromOffset(json, dup.offset).toString(),
                                 dup.key,
                                 TextPosition::fromOffset(json, dup.firstOffset).toString()));
        return false;
    }
    if (!doc.isObject()) {
        m_errors.append(tr("%1: the top level must be an object "
                           "{\"format\": 1, \"prompts\": [...], \"personas\": [...]}")
                            .arg(displayName));
        return false;
    }
    const QJsonObject root = doc.object();
    SeedFieldReader top(root, displayName, &m_errors);
    top.rejectUnknown(
        {QStringLiteral("format"), QStringLiteral("prompts"), QStringLiteral("personas")});
    if (!root.contains(QStringLiteral("format")))
        top.error(tr("missing field \"format\" (this tool reads format 1)"));
    else if (!root.value(QStringLiteral("format")).isDouble())
        top.error(tr("field \"format\" must be the number 1, not %1")
                      .arg(SeedFieldReader::typeName(root.value(QStringLiteral("format")))));
    else if (root.value(QStringLiteral("format")).toDouble() != 1)
        top.error(tr("unsupported format %1 (this tool reads format 1)")
                      .arg(root.value(QStringLiteral("format")).toDouble()));
    const QJsonValue prompts = root.value(QStringLiteral("prompts"));
    if (!prompts.isArray())
        top.error(prompts.isUndefined() ? tr("missing field \"prompts\"")
                                        : tr("field \"prompts\" must be an array, not %1")
                                              .arg(SeedFieldReader::typeName(prompts)));
    const QJsonArray promptArray = prompts.toArray();
    for (int i = 0; i < promptArray.size(); ++i)
        readPrompt(promptArray.at(i), i);
    const QJsonValue personas = root.value(QStringLiteral("personas"));
    if (!personas.isUndefined() && !personas.isArray())
        top.error(tr("field \"personas\" must be an array, not %1")
                      .arg(SeedFieldReader::typeName(personas)));
    const QJsonArray personaArray = personas.toArray();
    for (int i = 0; i < personaArray.size(); ++i)
        readPersona(personaArray.at(i), i);

    checkDuplicates();
    if (!m_errors.isEmpty()) {
        m_prompts.clear();
        m_personas.clear();
    }
    return m_errors.isEmpty();
}

void PromptSeedFile::checkDuplicates()
{
    QHash<QString, int> seenPrompts;
    for (const PromptSeed &p : std::as_const(m_prompts)) {
        if (p.promptId.isEmpty())
            continue;
        if (seenPrompts.contains(p.promptId))
            m_errors.append(tr("%1: %2: duplicate prompt_id, already used by prompts[%3]")
                                .arg(m_displayName, p.label())
                                .arg(seenPrompts.value(p.promptId)));
        else
            seenPrompts.insert(p.promptId, p.index);
    }
    QHash<QString, int> seenPersonas;
    for (const PersonaSeed &p : std::as_const(m_personas)) {
        if (p.name.isEmpty())
            continue;
        if (seenPersonas.contains(p.name))
            m_errors.append(tr("%1: %2: duplicate persona name, already used by personas[%3]")
                                .arg(m_displayName, p.label())
                                .arg(seenPersonas.value(p.name)));
        else
            seenPersonas.insert(p.name, p.index);
    }
}

void PromptSeedFile::readPrompt(const QJsonValue &value, int index)
{
    const QString at = QStringLiteral("%1: prompts[%2]").arg(m_displayName).arg(index);
    if (!value.isObject()) {
        m_errors.append(
            tr("%1: must be an object, not %2").arg(at, SeedFieldReader::typeName(value)));
        return;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue id = o.value(QStringLiteral("prompt_id"));
    SeedFieldReader r(o, id.isString() ? QStringLiteral("%1 (%2)").arg(at, id.toString()) : at,
                      &m_errors);
    PromptSeed p;
    p.index = index;
    r.rejectUnknown(kPromptFields);
    p.promptId = r.string(QStringLiteral("prompt_id"), 100);
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (id.isString() && !p.promptId.isEmpty() && !idPattern.match(p.promptId).hasMatch())
        r.error(
            tr("prompt_id \"%1\" may hold only letters, digits, '.', '_' and '-'").arg(p.promptId));
    p.name = r.string(QStringLiteral("name"), 255);
    p.description = r.string(QStringLiteral("description"), 0, true);
    p.promptType = r.enumValue(QStringLiteral("prompt_type"), kPromptTypes, true);
    p.modelPreference = r.string(QStringLiteral("model_preference"), 50);
    p.temperature = r.number(QStringLiteral("temperature"), 0.0, 1.0);
    p.maxTokens = r.integer(QStringLiteral("max_tokens"), 1, 200000);
    p.audience = r.stringList(QStringLiteral("audience"), true, true);
    p.securityLevel = r.enumValue(QStringLiteral("security_level"), kSecurityLevels, true);
    p.systemPrompt = r.string(QStringLiteral("system_prompt"));
    p.userPromptTemplate = r.optionalString(QStringLiteral("user_prompt_template"));
    p.variables = r.stringList(QStringLiteral("variables"), true, true);
    p.validationRules = r.optionalObject(QStringLiteral("validation_rules"));

    for (const QString &v : std::as_const(p.variables))
        if (!PromptVariables::isValidName(v))
            r.error(tr("variable \"%1\" is not a valid name (a letter, then letters, "
                       "digits or '_')")
                        .arg(v));
    // The texts: no NUL, at most 1 MiB, and the {{variable}} rule (problems with line:col).
    for (const QString &problem :
         PromptValidator::checkText(QStringLiteral("system_prompt"), p.systemPrompt))
        r.error(problem);
    if (p.userPromptTemplate)
        for (const QString &problem : PromptValidator::checkText(
                 QStringLiteral("user_prompt_template"), *p.userPromptTemplate))
            r.error(problem);
    auto checkDeclared = [&](const QString &where, const QStringList &names, bool braces) {
        for (const QString &name : names)
            if (!p.variables.contains(name))
                r.error(tr("%1 uses %2, which is not declared in \"variables\"")
                            .arg(where,
                                 braces ? QStringLiteral("{{%1}}").arg(name)
                                        : QStringLiteral("\"%1\"").arg(name)));
    };
    checkDeclared(QStringLiteral("system_prompt"), PromptVariables(p.systemPrompt).names(), true);
    if (p.userPromptTemplate)
        checkDeclared(QStringLiteral("user_prompt_template"),
                      PromptVariables(*p.userPromptTemplate).names(), true);
    if (p.validationRules) {
        for (const QString &key :
             {QStringLiteral("required_variables"), QStringLiteral("optional_variables")}) {
            if (!p.validationRules->contains(key))
                continue;
            const QJsonValue list = p.validationRules->value(key);
            if (!list.isArray()) {
                r.error(tr("validation_rules.%1 must be an array, not %2")
                            .arg(key, SeedFieldReader::typeName(list)));
                continue;
            }
            QStringList names;
            for (const QJsonValue &n : list.toArray())
                names.append(n.toString());
            checkDeclared(QStringLiteral("validation_rules.%1").arg(key), names, false);
        }
    }
    m_prompts.append(p);
}

void PromptSeedFile::readPersona(const QJsonValue &value, int index)
{
    const QString at = QStringLiteral("%1: personas[%2]").arg(m_displayName).arg(index);
    if (!value.isObject()) {
        m_errors.append(
            tr("%1: must be an object, not %2").arg(at, SeedFieldReader::typeName(value)));
        return;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue name = o.value(QStringLiteral("name"));
    SeedFieldReader r(o, name.isString() ? QStringLiteral("%1 (%2)").arg(at, name.toString()) : at,
                      &m_errors);
    PersonaSeed p;
    p.index = index;
    r.rejectUnknown(kPersonaFields);
    p.name = r.string(QStringLiteral("name"), 255);
    p.role = r.string(QStringLiteral("role"), 255);
    p.description = r.string(QStringLiteral("description"));
    p.background = r.string(QStringLiteral("background"));
    p.systemPrompt = r.string(QStringLiteral("system_prompt"));
    p.traits = r.stringList(QStringLiteral("traits"), false);
    p.expertise = r.stringList(QStringLiteral("expertise"), false);
    p.tone = r.enumValue(QStringLiteral("tone"), kTones, false);
    p.style = r.enumValue(QStringLiteral("style"), kStyles, false);
    p.energyLevel = r.enumValue(QStringLiteral("energy_level"), kEnergyLevels, false);
    p.chattiness = r.optionalNumber(QStringLiteral("chattiness"), 0.0, 1.0);
    p.empathyLevel = r.optionalNumber(QStringLiteral("empathy_level"), 0.0, 1.0);
    if (r.has(QStringLiteral("status")))
        p.status = r.enumValue(QStringLiteral("status"), kPersonaStatuses, true);
    if (r.has(QStringLiteral("visibility")))
        p.visibility = r.enumValue(QStringLiteral("visibility"), kVisibilities, true);
    p.tags = r.stringList(QStringLiteral("tags"), false);
    m_personas.append(p);
}

} // namespace uaip
