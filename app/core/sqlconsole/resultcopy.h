#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace uaip {

// Rows of a result (the SQL console's text values, a null QVariant for SQL NULL) as text to
// paste elsewhere: tab-separated values for a spreadsheet, or INSERT statements that put the
// same values into a table with the same columns.
//
// TSV: one line per row, the values separated by tabs; a value with a tab, a line break or a
// double quote is put in double quotes (its quotes doubled), as spreadsheets read it; NULL is
// an empty field.
//
// INSERT: one statement per row, every identifier quoted. A value is written by its column's
// type (OID): NULL as NULL; int2/int4/int8/oid and finite float4/float8/numeric as the number;
// NaN and ±Infinity as quoted literals with a cast; bool as TRUE/FALSE; everything else (text,
// bytea as \x..., json, arrays, timestamps, ...) as a string literal in the server's text form,
// which the target column reads back. A string with a backslash is written as E'...' with its
// backslashes doubled, so it reads the same whatever standard_conforming_strings says.
class ResultCopy
{
public:
    static QString tsv(const QList<QVariantList> &rows, const QStringList &header = {});
    // table: the parts of the table's name (schema, name or name alone).
    static QString inserts(const QStringList &table, const QStringList &columns,
                           const QList<unsigned int> &types, const QList<QVariantList> &rows);
    // One value as an SQL literal of a column of type OID.
    static QString literal(const QVariant &value, unsigned int type);
    // Always in double quotes (a keyword or mixed case is safe).
    static QString quoteIdentifier(const QString &name);
    static QString quoteString(const QString &text);
};

} // namespace uaip
