#pragma once

#include "browse/tablesummary.h"

#include <QCollator>
#include <QCoreApplication>
#include <QList>

namespace uaip {

// Where each table goes in the Entities tree and in which order: schemas; in each, the
// platform's domains (in the platform's order), then the other tables, then one group per
// extension ("pg_stat_statements (extension)") for the relations an extension owns. Names sort
// naturally (t2 before t10), case-insensitively, in the user's locale.
class TableTreeOrder
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TableTreeOrder)
public:
    // The indices of tables in the tree's order.
    static QList<int> arrange(const QList<TableSummary> &tables);
    // The text of t's group node: its domain, "<extension> (extension)", or empty (directly
    // under its schema).
    static QString groupLabel(const TableSummary &t);
    // Numbers compared as numbers, case ignored, in the user's locale (English for the C
    // locale, which compares code points only).
    static QCollator naturalCollator();
};

} // namespace uaip
