#pragma once

#include "browse/tablesummary.h"

#include <QTreeWidget>

namespace uaip {

// Schemas and their tables with the planner's estimated row counts; the platform's tables
// grouped by domain inside their schema, anything else directly under its schema.
class TableTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit TableTree(QWidget *parent = nullptr);
    void setTables(const QList<TableSummary> &tables);
    // The item of schema.name, or null.
    QTreeWidgetItem *itemFor(const QString &schema, const QString &name) const;

signals:
    void tableActivated(const QString &schema, const QString &name);
};

} // namespace uaip
