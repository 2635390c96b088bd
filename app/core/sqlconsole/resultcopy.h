#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace uaip {

class PgConnection;

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
//
// Columns of the source table that an INSERT cannot write as they are (SourceColumns): a
// generated column is left out (the server computes it again from the others, so nothing is
// lost); a GENERATED ALWAYS identity column keeps its value with OVERRIDING SYSTEM VALUE, so
// the rows come back with the same ids (rows of other tables that reference them stay right).
// The identity's sequence is not moved by that: a later INSERT without an id may collide
// until the sequence is set past the highest id (setval).
class ResultCopy
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ResultCopy)

public:
    struct SourceColumns
    {
        QStringList generated; // attgenerated: left out of the INSERT
        QStringList identityAlways; // attidentity 'a': OVERRIDING SYSTEM VALUE
        bool operator==(const SourceColumns &) const = default;
    };

    // The generated and GENERATED ALWAYS identity columns of table (schema, name).
    static Result<SourceColumns> readSourceColumns(PgConnection &connection,
                                                   const QStringList &table);
    static QString tsv(const QList<QVariantList> &rows, const QStringList &header = {});
    // table: the parts of the table's name (schema, name or name alone).
    // source: what the table says of its columns (generated ones left out, OVERRIDING SYSTEM
    // VALUE when a GENERATED ALWAYS identity column is written).
    static QString inserts(const QStringList &table, const QStringList &columns,
                           const QList<unsigned int> &types, const QList<QVariantList> &rows,
                           const SourceColumns &source = {});
    // One value as an SQL literal of a column of type OID.
    static QString literal(const QVariant &value, unsigned int type);
    // Always in double quotes (a keyword or mixed case is safe).
    static QString quoteIdentifier(const QString &name);
    static QString quoteString(const QString &text);
};

} // namespace uaip
