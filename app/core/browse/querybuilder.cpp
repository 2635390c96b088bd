#include "querybuilder.h"

#include "db/sqlresource.h"

namespace uaip {

namespace {

const QByteArray kSystemColumns = "xmin::text, ctid::text";
const QByteArray kNoSystemColumns = "NULL::text, NULL::text";
const QByteArray kCtid = "ctid";
const QByteArray kSettingPrefix = "uaip.p";

QByteArray escapeLike(const QString &value)
{
    QString out;
    for (const QChar c : value) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return ('%' + out + '%').toUtf8();
}

// A PostgreSQL array literal of text elements: {"a","b\"c"}.
QString arrayLiteral(const QStringList &values)
{
    QStringList quoted;
    for (QString v : values) {
        v.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        quoted << u'"' + v + u'"';
    }
    return u'{' + quoted.join(u',') + u'}';
}

} // namespace

// Placeholders: "$n" for ordinary statements; for COPY a transaction-local setting read back
// with current_setting() and cast to the column's type (from format_type, server-quoted).
struct QueryBuilder::Params
{
    bool copyMode = false;
    QVariantList values;

    QByteArray bind(const QVariant &value, const ColumnInfo *castTo = nullptr, bool array = false)
    {
        values << value;
        const QByteArray n = QByteArray::number(values.size());
        if (!copyMode)
            return '$' + n;
        QByteArray expr = "current_setting('" + kSettingPrefix + n + "')";
        if (castTo)
            expr = '(' + expr + ")::" + castTo->typeName.toUtf8() + (array ? "[]" : "");
        return expr;
    }
};

QueryBuilder::QueryBuilder(const TableInfo &table, const BrowseQuery &query)
    : m_table(table)
    , m_query(query)
{
    if (!query.sortColumn.isEmpty()) {
        const int c = table.columnIndex(query.sortColumn);
        if (c >= 0 && table.columns[c].sortable
            && !(table.primaryKey.size() == 1 && table.primaryKey.first() == c))
            m_sortColumn = c;
    }
    for (const int c : table.primaryKey)
        m_keyExprs << table.columns[c].quoted;
    if (m_keyExprs.isEmpty() && table.hasSystemColumns())
        m_keyExprs << kCtid;
}

QVariantList QueryBuilder::keyOf(const RowData &row) const
{
    QVariantList key;
    if (m_sortColumn >= 0)
        key << row.values.value(m_sortColumn);
    if (m_table.hasPrimaryKey())
        key << primaryKeyOf(row);
    else if (!m_keyExprs.isEmpty())
        key << row.ctid;
    return key;
}

QVariantList QueryBuilder::primaryKeyOf(const RowData &row) const
{
    QVariantList key;
    for (const int c : m_table.primaryKey)
        key << row.values.value(c);
    return key;
}

QByteArray QueryBuilder::selectList() const
{
    QByteArray sql = m_table.hasSystemColumns() ? kSystemColumns : kNoSystemColumns;
    for (const ColumnInfo &c : m_table.columns)
        sql += ", " + c.quoted;
    return sql;
}

QByteArray QueryBuilder::filterSql(Params &params) const
{
    QList<QByteArray> conditions;
    for (const ColumnFilter &f : m_query.filters) {
        const int index = m_table.columnIndex(f.column);
        if (index < 0)
            continue;
        const ColumnInfo &c = m_table.columns[index];
        // Types without btree operators (json, point, ...) are compared by their text.
        const QByteArray col = c.sortable ? c.quoted : "CAST(" + c.quoted + " AS text)";
        const ColumnInfo *cast = c.sortable ? &c : nullptr;
        switch (f.op) {
        case ColumnFilter::Op::Equal:
            conditions << col + " = " + params.bind(f.value, cast);
            break;
        case ColumnFilter::Op::NotEqual:
            conditions << col + " <> " + params.bind(f.value, cast);
            break;
        case ColumnFilter::Op::Less:
            conditions << col + " < " + params.bind(f.value, cast);
            break;
        case ColumnFilter::Op::Greater:
            conditions << col + " > " + params.bind(f.value, cast);
            break;
        case ColumnFilter::Op::Contains:
            conditions << "CAST(" + c.quoted + " AS text) ILIKE "
                    + params.bind(QString::fromUtf8(escapeLike(f.value)));
            break;
        case ColumnFilter::Op::IsNull:
            conditions << c.quoted + " IS NULL";
            break;
        case ColumnFilter::Op::IsNotNull:
            conditions << c.quoted + " IS NOT NULL";
            break;
        case ColumnFilter::Op::In:
            conditions << col + " = ANY(" + params.bind(arrayLiteral(f.values), cast, true) + ')';
            break;
        }
    }
    if (usesFreeClause())
        conditions << '(' + m_query.whereClause.toUtf8() + "\n)"; // "\n": a -- comment ends
    return conditions.join(" AND ");
}

QByteArray QueryBuilder::keyRow() const
{
    return '(' + m_keyExprs.join(", ") + ')';
}

QByteArray QueryBuilder::orderBy(bool descending) const
{
    // Qualified, so that "ctid" means the column and not the select list's ctid::text.
    const QByteArray table = m_table.quotedName + '.';
    QList<QByteArray> parts;
    if (m_sortColumn >= 0)
        parts << table + m_table.columns[m_sortColumn].quoted
                + (descending ? " DESC NULLS FIRST" : " ASC NULLS LAST");
    for (const QByteArray &k : m_keyExprs)
        parts << table + k + (descending ? " DESC" : " ASC");
    return parts.isEmpty() ? QByteArray() : " ORDER BY " + parts.join(", ");
}

// Rows after `key` in ascending order (NULL sorts last). nullsPart: the second part, the
// NULL sort values after a non-NULL key.
QByteArray QueryBuilder::greater(const QVariantList &key, Params &params, bool nullsPart) const
{
    QList<QByteArray> keyParams;
    const qsizetype first = m_sortColumn >= 0 ? 1 : 0;
    if (m_sortColumn < 0) {
        for (const QVariant &v : key)
            keyParams << params.bind(v);
        return keyRow() + " > (" + keyParams.join(", ") + ')';
    }
    const QByteArray s = m_table.columns[m_sortColumn].quoted;
    if (nullsPart)
        return s + " IS NULL";
    for (qsizetype i = first; i < key.size(); ++i)
        keyParams << params.bind(key[i]);
    if (key.first().isNull())
        return s + " IS NULL AND " + keyRow() + " > (" + keyParams.join(", ") + ')';
    const QByteArray v = params.bind(key.first());
    return '(' + s + ", " + m_keyExprs.join(", ") + ") > (" + v + ", " + keyParams.join(", ") + ')';
}

// Rows before `key` in ascending order, i.e. after it in descending order (NULL first).
// nullsPart: the second part, the non-NULL sort values after a NULL key.
QByteArray QueryBuilder::less(const QVariantList &key, Params &params, bool nullsPart) const
{
    QList<QByteArray> keyParams;
    if (m_sortColumn < 0) {
        for (const QVariant &v : key)
            keyParams << params.bind(v);
        return keyRow() + " < (" + keyParams.join(", ") + ')';
    }
    const QByteArray s = m_table.columns[m_sortColumn].quoted;
    if (nullsPart)
        return s + " IS NOT NULL";
    for (qsizetype i = 1; i < key.size(); ++i)
        keyParams << params.bind(key[i]);
    if (key.first().isNull())
        return s + " IS NULL AND " + keyRow() + " < (" + keyParams.join(", ") + ')';
    const QByteArray v = params.bind(key.first());
    return '(' + s + ", " + m_keyExprs.join(", ") + ") < (" + v + ", " + keyParams.join(", ") + ')';
}

BoundSql QueryBuilder::select(const QByteArray &extra, bool descending, Params &params,
                              const QByteArray &offset) const
{
    QByteArray where = filterSql(params);
    if (!extra.isEmpty())
        where = where.isEmpty() ? extra : where + " AND (" + extra + ')';
    QByteArray sql = "SELECT " + selectList() + " FROM " + m_table.quotedName;
    if (!where.isEmpty())
        sql += " WHERE " + where;
    sql += orderBy(descending);
    if (!offset.isEmpty())
        sql += " OFFSET " + offset;
    sql += " LIMIT $" + QByteArray::number(params.values.size() + 1);
    return BoundSql{sql, params.values};
}

QList<BoundSql> QueryBuilder::pageParts(PageMode mode, const QVariantList &key, qint64 offset) const
{
    const bool desc = m_query.descending;
    const bool nullable = m_sortColumn >= 0 && !m_table.columns[m_sortColumn].notNull;
    QList<BoundSql> parts;
    Params p;
    switch (mode) {
    case PageMode::Head:
        parts << select({}, desc, p);
        break;
    case PageMode::Tail:
        parts << select({}, !desc, p);
        break;
    case PageMode::Offset:
        parts << select({}, desc, p, p.bind(QString::number(offset)));
        break;
    case PageMode::After:
    case PageMode::Before: {
        // Ascending walk = "greater"; a second part where NULLs continue the walk.
        const bool ascending = (mode == PageMode::After) != desc;
        const bool keyNull = m_sortColumn >= 0 && key.first().isNull();
        if (ascending) {
            parts << select(greater(key, p, false), false, p);
            if (nullable && !keyNull) {
                Params p2;
                parts << select(greater(key, p2, true), false, p2);
            }
        } else {
            parts << select(less(key, p, false), true, p);
            if (nullable && keyNull) {
                Params p2;
                parts << select(less(key, p2, true), true, p2);
            }
        }
        break;
    }
    }
    return parts;
}

BoundSql QueryBuilder::count() const
{
    Params p;
    const QByteArray where = filterSql(p);
    return BoundSql{"SELECT count(*) FROM " + m_table.quotedName
                        + (where.isEmpty() ? QByteArray() : " WHERE " + where),
                    p.values};
}

BoundSql QueryBuilder::copyOut(QList<BoundSql> *settings) const
{
    Params p;
    p.copyMode = true;
    QByteArray columns;
    for (const ColumnInfo &c : m_table.columns)
        columns += (columns.isEmpty() ? "" : ", ") + c.quoted;
    const QByteArray where = filterSql(p);
    QByteArray sql = "COPY (SELECT " + columns + " FROM " + m_table.quotedName;
    if (!where.isEmpty())
        sql += " WHERE " + where;
    sql += orderBy(m_query.descending) + ") TO STDOUT WITH (FORMAT csv, HEADER)";
    settings->clear();
    for (qsizetype i = 0; i < p.values.size(); ++i)
        settings->append(
            BoundSql{SqlResource::get(QStringLiteral("browse/sql/set_param.sql")),
                     {QString::fromUtf8(kSettingPrefix + QByteArray::number(i + 1)), p.values[i]}});
    return BoundSql{sql, {}};
}

QByteArray QueryBuilder::explainWhere(const TableInfo &table, const QString &clause)
{
    return "EXPLAIN SELECT 1 FROM " + table.quotedName + " WHERE (" + clause.toUtf8() + "\n)";
}

BoundSql QueryBuilder::rowByPrimaryKey(const QVariantList &key) const
{
    Params p;
    QList<QByteArray> placeholders;
    QList<QByteArray> columns;
    for (qsizetype i = 0; i < key.size() && i < m_table.primaryKey.size(); ++i) {
        columns << m_table.columns[m_table.primaryKey[int(i)]].quoted;
        placeholders << p.bind(key[i]);
    }
    return BoundSql{"SELECT " + selectList() + " FROM " + m_table.quotedName + " WHERE ("
                        + columns.join(", ") + ") = (" + placeholders.join(", ") + ')',
                    p.values};
}

} // namespace uaip
