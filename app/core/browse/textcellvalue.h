#pragma once

#include "columninfo.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The one rule for text with a length limit in the entity grid and the row form
// (varchar(n), char(n), and domains over them): a value longer than the column's limit is
// refused with the limit and its length, never cut. PostgreSQL counts characters (code points,
// not UTF-16 units), and it cuts silently in two places the console must not reach: an
// explicit cast, and trailing spaces past the limit; so the check counts every character.
class TextCellValue
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TextCellValue)

public:
    // A text column with a length limit.
    static bool hasLimit(const ColumnInfo &column);
    // Characters as the server counts them (code points).
    static qsizetype length(const QString &text);
    // Why `text` does not fit `column` (translated: the column, its limit and the text's
    // length), or empty when it fits (or the column has no limit).
    static QString refusal(const QString &text, const ColumnInfo &column);
};

} // namespace uaip
