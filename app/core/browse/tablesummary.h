#pragma once

#include <QString>

namespace uaip {

// One entry of the schema/table tree: never a count(*), only the planner's estimate.
struct TableSummary
{
    QString schema;
    QString name;
    QChar kind; // pg_class.relkind: r, p, v, m, f
    qint64 estimate = -1; // pg_class.reltuples; -1 = never analysed
    bool hasPrimaryKey = false;
    QString domain; // platform domain ("Core", "Agents", ...) or empty; empty for an extension's
    QString extension; // the extension it belongs to (pg_depend deptype 'e'), or empty
};

} // namespace uaip
