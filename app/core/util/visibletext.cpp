#include "visibletext.h"

#include <algorithm>

namespace uaip {

namespace {

bool control(QChar c)
{
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
}

} // namespace

bool VisibleText::hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), control);
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
    for (const QChar c : text)
        shown += keepLines && (c == u'\n' || c == u'\t') ? QString(c)
            : c == u'\n'                                 ? QStringLiteral("\\n")
            : c == u'\r'                                 ? QStringLiteral("\\r")
            : control(c) ? QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QChar(u'0'))
                         : QString(c);
    return shown;
}

} // namespace uaip
