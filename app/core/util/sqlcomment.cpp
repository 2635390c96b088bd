#include "sqlcomment.h"

#include <QRegularExpression>

namespace uaip {

namespace {

// What text() escapes besides CR and LF: what an editor or a terminal may show as a line
// break, act on (ESC), or use to reorder what is shown.
bool shownDifferently(char16_t c)
{
    return (c < 0x20 && c != u'\t') || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
        || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

// As MigrationDirectives reads a comment line: dashes, then (after ASCII white space) "uaip:"
// in any case.
bool readsAsDirective(const QString &text)
{
    static const QRegularExpression directive(QStringLiteral("^[\\s-]*uaip:"),
                                              QRegularExpression::CaseInsensitiveOption);
    return directive.match(text).hasMatch();
}

} // namespace

QString SqlComment::text(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\r')
            out += QLatin1String("\\r");
        else if (shownDifferently(c))
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

QStringList SqlComment::lines(const QString &text)
{
    static const QRegularExpression terminator(QStringLiteral("\r\n|\r|\n"));
    return text.split(terminator);
}

QString SqlComment::line(const QString &text)
{
    QString safe = text;
    if (safe.contains(u'\n') || safe.contains(u'\r'))
        safe.replace(u'\n', QLatin1String("\\n")).replace(u'\r', QLatin1String("\\r"));
    if (safe.isEmpty())
        return QStringLiteral("--");
    return (readsAsDirective(safe) ? QStringLiteral("--| ") : QStringLiteral("-- ")) + safe;
}

QString SqlComment::commentedOut(const QString &sql)
{
    QStringList out;
    for (const QString &l : lines(sql))
        out << line(l);
    return out.join(u'\n');
}

} // namespace uaip
