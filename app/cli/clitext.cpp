#include "clitext.h"

#include "util/visibletext.h"

#include <QLocale>

namespace uaip {

QString CliText::oneLine(const QString &text, int max)
{
    QString s = printable(text.simplified());
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
}

QString CliText::printable(const QString &text)
{
    return VisibleText::escaped(text);
}

QString CliText::keepingLines(const QString &text)
{
    return VisibleText::escapedKeepingLines(text);
}

QString CliText::size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace uaip
