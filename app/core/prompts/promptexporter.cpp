#include "promptexporter.h"

#include "util/privatefile.h"

#include "db/pgconnection.h"
#include "promptsql.h"
#include "prompttextcodec.h"
#include "promptvariables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace uaip {

namespace {

// One prompt of the file: row i of export_prompts, with its system prompt (decrypted).
QJsonObject promptObject(const PgResult &r, int i, const QString &key, const QString &text)
{
    const QJsonObject meta = QJsonDocument::fromJson(r.value(i, "metadata").toUtf8()).object();
    const int t = r.columnIndex("user_prompt_template");
    QStringList variables;
    for (const QJsonValue &v : meta.value(QStringLiteral("variables")).toArray())
        variables << v.toString();
    QStringList used = PromptVariables(text).names();
    if (!r.isNull(i, t))
        used << PromptVariables(r.value(i, t)).names();
    for (const QString &v : std::as_const(used))
        if (!variables.contains(v))
            variables << v;
    QJsonObject o{
        {QStringLiteral("prompt_id"), key},
        {QStringLiteral("name"), r.value(i, "name")},
        {QStringLiteral("description"), r.value(i, "description")},
        {QStringLiteral("prompt_type"), r.value(i, "prompt_type")},
        {QStringLiteral("model_preference"), r.value(i, "model_preference")},
        {QStringLiteral("temperature"), r.value(i, "temperature").toDouble()},
        {QStringLiteral("max_tokens"), r.value(i, "max_tokens").toInt()},
        {QStringLiteral("audience"),
         meta.value(QStringLiteral("audience")).isArray() ? meta.value(QStringLiteral("audience"))
                                                          : QJsonValue(QJsonArray())},
        {QStringLiteral("security_level"),
         meta.value(QStringLiteral("security_level")).toString(QStringLiteral("medium"))},
        {QStringLiteral("system_prompt"), text},
        {QStringLiteral("variables"), QJsonArray::fromStringList(variables)},
    };
    if (!r.isNull(i, t))
        o.insert(QStringLiteral("user_prompt_template"), r.value(i, t));
    if (!r.isNull(i, r.columnIndex("validation_rules")))
        o.insert(QStringLiteral("validation_rules"),
                 QJsonDocument::fromJson(r.value(i, "validation_rules").toUtf8()).object());
    return o;
}

} // namespace

PromptExporter::PromptExporter(PgConnection &connection, const PromptTextCodec *codec)
    : m_connection(connection)
    , m_codec(codec)
{ }

Result<QByteArray> PromptExporter::exportJson(const QStringList &promptIds, bool decrypt)
{
    int count = 0;
    return build(promptIds, decrypt, &count);
}

Result<QByteArray> PromptExporter::build(const QStringList &promptIds, bool decrypt, int *count)
{
    PgResult r
        = m_connection.exec(PromptSql::get("export_prompts"), {PromptSql::textArray(promptIds)});
    if (!r.ok())
        //: what failed, before the server's message: "export: <message>"
        return Error(r.error()).in(tr("export"));
    QSet<QString> found;
    QJsonArray prompts;
    QStringList problems;
    for (int i = 0; i < r.rows(); ++i) {
        const QString key = r.value(i, "prompt_id");
        found.insert(key);
        QString text = r.value(i, "system_prompt");
        const bool encrypted
            = m_codec ? m_codec->isEncrypted(text) : PromptTextCodec::looksEncrypted(text);
        if (encrypted) {
            const QString reason = m_codec ? m_codec->lockReason() : tr("encrypted; no key loaded");
            if (!decrypt) {
                problems << tr("prompt \"%1\" is encrypted; export it decrypted "
                               "only on purpose (--decrypt)")
                                .arg(key);
                continue;
            }
            if (!reason.isEmpty()) {
                problems << tr("prompt \"%1\" is locked: %2").arg(key, reason);
                continue;
            }
            const Result<QString> plain
                = m_codec->decode(text, r.value(i, "id"), r.value(i, "current_version").toInt());
            if (!plain.ok()) {
                problems << tr("prompt \"%1\": %2").arg(key, plain.error().text());
                continue;
            }
            text = *plain;
        }
        prompts.append(promptObject(r, i, key, text));
    }
    bool missing = false;
    for (const QString &id : promptIds) {
        if (!found.contains(id)) {
            problems << tr("no prompt with id \"%1\"").arg(id);
            missing = true;
        }
    }
    if (!problems.isEmpty()) {
        return Error(missing ? ErrorCode::NotFound : ErrorCode::Locked, problems.join(u'\n'));
    }
    *count = int(prompts.size());
    const QJsonObject root{{QStringLiteral("format"), 1}, {QStringLiteral("prompts"), prompts}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<int> PromptExporter::exportFile(const QStringList &promptIds, bool decrypt,
                                       const QString &path)
{
    int count = 0;
    const Result<QByteArray> json = build(promptIds, decrypt, &count);
    if (!json.ok())
        return json.error();
    // Prompt texts (decrypted ones too): owner-only, never over an existing file or a symlink.
    if (const QString why = PrivateFile::write(path, json.value()); !why.isEmpty())
        return Error(ErrorCode::BadInput, why);
    return count;
}

} // namespace uaip
