#pragma once

#include "boundsql.h"
#include "browsequery.h"
#include "rowdata.h"
#include "tableinfo.h"

#include <QList>

namespace uaip {

// Builds the read statements of the browser for one table and query. Identifiers come
// quoted by libpq (TableInfo), values are always bound ($n); for COPY, which takes no
// parameters, the values are bound into transaction-local settings first (copyOut).
//
// Paging is keyset pagination on (sort column, primary key) — or (sort column, ctid) for a
// table without primary key — so every page is an index range scan however deep it is.
// NULLs sort last (ASC) or first (DESC), as PostgreSQL's defaults do, so a plain index on
// the sort column serves both directions. Where NULLs would need an OR (which defeats the
// index), a page is read in two parts, each a plain range; the caller runs the parts in
// order until the page is full, binding the remaining row count as the last parameter.
class QueryBuilder
{
public:
    enum class PageMode {
        Head, // first rows
        After, // rows after `key` (forward)
        Before, // rows before `key`, returned in reverse order
        Tail, // last rows, returned in reverse order
        Offset // rows from `offset` (fallback when no boundary key is known)
    };

    QueryBuilder(const TableInfo &table, const BrowseQuery &query);

    // Whether rows can be identified for keyset paging (primary key or ctid).
    bool hasKeyset() const { return !m_keyExprs.isEmpty(); }
    // The keyset position of a row: sort value (when sorting) then key values.
    QVariantList keyOf(const RowData &row) const;
    // Key values identifying a row for edits (the primary key values).
    QVariantList primaryKeyOf(const RowData &row) const;

    // Each part's SQL ends with "LIMIT $n": append the row limit to its params.
    QList<BoundSql> pageParts(PageMode mode, const QVariantList &key = {}, qint64 offset = 0) const;
    BoundSql count() const;
    // COPY (SELECT ...) TO STDOUT WITH CSV HEADER; *settings must run first, in the same
    // transaction.
    BoundSql copyOut(QList<BoundSql> *settings) const;
    // Whether the query uses a free WHERE clause (loads then run in a READ ONLY transaction).
    bool usesFreeClause() const { return !m_query.whereClause.trimmed().isEmpty(); }
    // EXPLAIN of the browse query with `clause` as the only condition (WhereClauseChecker).
    static QByteArray explainWhere(const TableInfo &table, const QString &clause);
    // SELECT of the columns the grid shows, for one row by primary key.
    BoundSql rowByPrimaryKey(const QVariantList &key) const;
    // The column sorted on, or -1 for key order.
    int sortColumn() const { return m_sortColumn; }

private:
    struct Params;
    QByteArray selectList() const;
    QByteArray filterSql(Params &params) const;
    QByteArray orderBy(bool descending) const;
    QByteArray keyRow() const;
    QByteArray greater(const QVariantList &key, Params &params, bool nullsPart) const;
    QByteArray less(const QVariantList &key, Params &params, bool nullsPart) const;
    BoundSql select(const QByteArray &extra, bool descending, Params &params,
                    const QByteArray &offset = {}) const;

    TableInfo m_table;
    BrowseQuery m_query;
    int m_sortColumn = -1;
    QList<QByteArray> m_keyExprs;
};

} // namespace uaip
