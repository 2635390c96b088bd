#include "clitext.h"

#include <QLocale>

namespace uaip {

namespace {

bool isControl(QChar c)
{
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
}

// The text with each control or format character for which keep(text, i) is false written
// visibly (\n, \r, \t, \x1b, \x7f, \x202e); the text itself when there is none.
template<typename Keep>
QString escapedUnless(const QString &text, Keep keep)
{
    qsizetype first = 0;
    while (first < text.size() && (!isControl(text.at(first)) || keep(text, first)))
        ++first;
    if (first == text.size())
        return text;
    QString out = text.left(first);
    out.reserve(text.size() + 8);
    for (qsizetype i = first; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!isControl(c) || keep(text, i))
            out += c;
        else
            out += CliText::escaped(c.unicode());
    }
    return out;
}

} // namespace

QString CliText::oneLine(const QString &text, int max)
{
    QString s = printable(text.simplified());
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
}

QString CliText::printable(const QString &text)
{
    return escapedUnless(text, [](const QString &, qsizetype) { return false; });
}

QString CliText::keepingLines(const QString &text)
{
    return escapedUnless(text, [](const QString &t, qsizetype i) {
        const QChar c = t.at(i);
        // a CR that ends a line (CRLF) moves nothing a reader would miss
        return c == u'\n' || c == u'\t' || (c == u'\r' && i + 1 < t.size() && t.at(i + 1) == u'\n');
    });
}

QString CliText::escaped(char32_t c)
{
    switch (c) {
    case U'\n':
        return QStringLiteral("\\n");
    case U'\r':
        return QStringLiteral("\\r");
    case U'\t':
        return QStringLiteral("\\t");
    default:
        return QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    }
}

QString CliText::size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace uaip
