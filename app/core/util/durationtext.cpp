#include "durationtext.h"

#include <QRegularExpression>

#include <limits>

namespace uaip {

std::optional<int> DurationText::toMs(const QString &text, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    static const QRegularExpression pattern(QStringLiteral("^\\s*([0-9]+)\\s*(ms|s|min|h)?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2).toLower();
    const qint64 factor = unit == u"s" ? 1000
        : unit == u"min"               ? 60 * 1000
        : unit == u"h"                 ? 60 * 60 * 1000
                                       : 1;
    const QString digits = match.captured(1);
    bool ok = false;
    const qint64 number = digits.size() <= 12 ? digits.toLongLong(&ok) : 0;
    if (!ok || number * factor > std::numeric_limits<int>::max()) {
        if (tooLarge)
            *tooLarge = true;
        return std::nullopt;
    }
    return static_cast<int>(number * factor);
}

} // namespace uaip
