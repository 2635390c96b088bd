#include "saveplanner.h"

namespace uaip {

namespace {

const QByteArray kVersionCheck = " AND xmin = $%1::xid";
const QByteArray kReturning = " RETURNING xmin::text";

QByteArray placeholder(const QVariantList &params)
{
    return '$' + QByteArray::number(params.size());
}

} // namespace

QByteArray SavePlanner::keyCondition(const TableInfo &table, const QVariantList &key,
                                     QVariantList *params, QList<int> *paramColumns)
{
    QList<QByteArray> columns;
    QList<QByteArray> values;
    for (qsizetype i = 0; i < table.primaryKey.size(); ++i) {
        columns << table.columns[table.primaryKey[i]].quoted;
        params->append(key.value(i));
        paramColumns->append(-1);
        values << placeholder(*params);
    }
    return " WHERE (" + columns.join(", ") + ") = (" + values.join(", ") + ')';
}

SavePlan SavePlanner::plan(const TableInfo &table, const StagedEdits &edits)
{
    SavePlan plan;
    plan.table = table.displayName();
    for (const StagedRow &row : edits.rowsInOrder()) {
        SaveStatement s;
        s.rowKey = row.key;
        s.kind = row.kind;
        s.primaryKey = row.primaryKey;
        QVariantList &params = s.sql.params;
        switch (row.kind) {
        case StagedRow::Kind::Insert: {
            QList<int> columns = row.changes.keys();
            std::sort(columns.begin(), columns.end());
            QList<QByteArray> names;
            QList<QByteArray> values;
            for (const int c : columns) {
                if (table.columns[c].readOnly())
                    continue;
                names << table.columns[c].quoted;
                params << row.changes.value(c);
                s.paramColumns << c;
                values << placeholder(params);
            }
            s.sql.sql = "INSERT INTO " + table.quotedName
                + (names.isEmpty()
                       ? QByteArray(" DEFAULT VALUES")
                       : " (" + names.join(", ") + ") VALUES (" + values.join(", ") + ')')
                + kReturning;
            break;
        }
        case StagedRow::Kind::Update: {
            QList<int> columns = row.changes.keys();
            std::sort(columns.begin(), columns.end());
            QList<QByteArray> sets;
            for (const int c : columns) {
                params << row.changes.value(c);
                s.paramColumns << c;
                sets << table.columns[c].quoted + " = " + placeholder(params);
            }
            if (sets.isEmpty())
                continue;
            s.sql.sql = "UPDATE " + table.quotedName + " SET " + sets.join(", ")
                + keyCondition(table, row.primaryKey, &params, &s.paramColumns);
            params << row.xmin;
            s.paramColumns << -1;
            s.sql.sql += QByteArray(kVersionCheck).replace("%1", QByteArray::number(params.size()))
                + kReturning;
            break;
        }
        case StagedRow::Kind::Delete:
            s.sql.sql = "DELETE FROM " + table.quotedName
                + keyCondition(table, row.primaryKey, &params, &s.paramColumns);
            params << row.xmin;
            s.paramColumns << -1;
            s.sql.sql += QByteArray(kVersionCheck).replace("%1", QByteArray::number(params.size()));
            break;
        }
        plan.statements << s;
    }
    return plan;
}

} // namespace uaip
