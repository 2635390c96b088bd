#include "promptcliformat.h"

#include <QJsonObject>

namespace uaip {

QString PromptCliFormat::stamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString PromptCliFormat::pad(const QString &s, int width)
{
    return s.leftJustified(width);
}

QJsonObject PromptCliFormat::labelsJson(const QMap<QString, int> &labels, int latest)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    if (latest)
        o.insert(QStringLiteral("latest"), latest);
    return o;
}

QString PromptCliFormat::labelsText(const QMap<QString, int> &labels, int latest)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    if (latest)
        parts << QStringLiteral("latest=%1").arg(latest);
    return parts.join(u',');
}

QJsonValue PromptCliFormat::optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonObject PromptCliFormat::versionJson(const PromptVersion &v, bool texts)
{
    QJsonObject o{{QStringLiteral("version"), v.versionNo},
                  {QStringLiteral("author"), v.author},
                  {QStringLiteral("created_at"), v.createdAt.toUTC().toString(Qt::ISODate)},
                  // what the row named instead (migration 0023); null: no claim
                  {QStringLiteral("claimed_author"),
                   v.claimedAuthor.isEmpty() ? QJsonValue() : QJsonValue(v.claimedAuthor)},
                  {QStringLiteral("claimed_created_at"),
                   v.claimedCreatedAt.isValid()
                       ? QJsonValue(v.claimedCreatedAt.toUTC().toString(Qt::ISODate))
                       : QJsonValue()},
                  {QStringLiteral("change_note"), v.changeNote},
                  {QStringLiteral("checksum"), v.checksum},
                  {QStringLiteral("model_preference"), v.content.modelPreference},
                  {QStringLiteral("temperature"), v.content.temperature},
                  {QStringLiteral("max_tokens"), v.content.maxTokens},
                  {QStringLiteral("locked"), v.locked},
                  {QStringLiteral("tampered"), v.tampered}};
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

} // namespace uaip
