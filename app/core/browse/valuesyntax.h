#pragma once

#include "columninfo.h"
#include "tableinfo.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The literal syntax of a typed value, checked where it is typed (the row form, a grid cell,
// setData) so that a value the server would refuse at Save is refused at once, naming the
// column, and stays in its editor. Client-side, no round trip: json/jsonb (JsonSyntax), bytea
// (hex format "\x" with an even number of hex digits, whitespace between pairs; or escape
// format, where a backslash is "\\" or three octal digits up to \377) and arrays (PostgreSQL's
// array literal: optional dimensions "[1:3]=", braces with sub-arrays of equal lengths and at
// most 6 dimensions, elements separated by the type's delimiter, in double quotes with
// backslash escapes or bare with backslash escapes, NULL). Whether each element is a valid
// value of the element type (an integer, a date) is the server's to say at Save.
class ValueSyntax
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ValueSyntax)

public:
    // Whether values of the column are checked here.
    static bool checks(const ColumnInfo &column);
    // What is wrong with text as a value of column; empty when nothing is (or not checked).
    static QString problem(const QString &text, const ColumnInfo &column);
    // problem(), naming the column: "public.docs.body: not valid JSON: ..."; empty when valid.
    static QString refusal(const QString &text, const TableInfo &table, int column);

    static QString byteaProblem(const QString &text);
    static QString arrayProblem(const QString &text, QChar delimiter = u',');

private:
    class ArrayReader;
};

} // namespace uaip
