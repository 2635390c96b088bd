#include "textcellvalue.h"

#include <QLocale>

namespace uaip {

bool TextCellValue::hasLimit(const ColumnInfo &column)
{
    return column.kind == ColumnInfo::Kind::Text && column.maxLength > 0;
}

qsizetype TextCellValue::length(const QString &text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        ++n;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
    }
    return n;
}

QString TextCellValue::refusal(const QString &text, const ColumnInfo &column)
{
    if (!hasLimit(column))
        return QString();
    const qsizetype n = length(text);
    if (n <= column.maxLength)
        return QString();
    return tr("%1 (%2) takes at most %Ln character(s); this text has %3. Shorten it: it is "
              "never cut.",
              nullptr, column.maxLength)
        .arg(column.name, column.displayType, QLocale().toString(qint64(n)));
}

} // namespace uaip
