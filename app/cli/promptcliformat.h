#pragma once

#include "prompts/promptstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>

#include <optional>

namespace uaip {

// The shapes the prompts subcommands print: times, padded columns, labels and versions, as
// text and as --json.
class PromptCliFormat
{
public:
    static QString stamp(const QDateTime &t); // "yyyy-MM-dd HH:mm:ss UTC"
    static QString pad(const QString &s, int width);
    static QJsonObject labelsJson(const QMap<QString, int> &labels, int latest);
    static QString labelsText(const QMap<QString, int> &labels, int latest); // "a=1,latest=3"
    static QJsonValue optionalNumber(const std::optional<double> &v); // null when unset
    // A version's metadata; its texts too when 'texts' and it is not locked.
    static QJsonObject versionJson(const PromptVersion &v, bool texts);
};

} // namespace uaip
