#include "visibletext.h"

#include <algorithm>

namespace uaip {

bool VisibleText::isControl(char32_t c)
{
    return QChar::category(c) == QChar::Other_Control || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}

QString VisibleText::escapedChar(char32_t c)
{
    switch (c) {
    case U'\n':
        return QStringLiteral("\\n");
    case U'\r':
        return QStringLiteral("\\r");
    case U'\t':
        return QStringLiteral("\\t");
    default:
        return QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
    }
}

bool VisibleText::hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return isControl(c.unicode()); });
}

QString VisibleText::escaped(const QString &text)
{
    return escapedExcept(text, false);
}

QString VisibleText::escapedKeepingLines(const QString &text)
{
    return escapedExcept(text, true);
}

QString VisibleText::escapedExcept(const QString &text, bool keepLines)
{
    if (!hasControl(text))
        return text;
    QString shown;
    shown.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        // a CR that ends a line (CRLF) moves nothing a reader would miss
        const bool line = c == u'\n' || c == u'\t'
            || (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n');
        if (isControl(c.unicode()) && !(keepLines && line))
            shown += escapedChar(c.unicode());
        else
            shown += c;
    }
    return shown;
}

} // namespace uaip
