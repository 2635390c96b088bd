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
    // Replaces the tables; schema and domain nodes keep their expanded or collapsed state and
    // the current item stays current when they are still there (new nodes start expanded).
    void setTables(const QList<TableSummary> &tables);
    // Makes schema.name the current item (without activating it); false if it is not listed.
    bool selectTable(const QString &schema, const QString &name);
    // Wide enough for the longest listed table name (at least a typical platform one) at its
    // depth and the estimate column, without eliding.
    QSize sizeHint() const override;
    // The item of schema.name, or null.
    QTreeWidgetItem *itemFor(const QString &schema, const QString &name) const;

signals:
    void tableActivated(const QString &schema, const QString &name);

private:
    int textRoom(const QString &text) const; // a cell's width for text
    static QString pathOf(const QTreeWidgetItem *item);

    int m_nameWidth = 0; // the longest listed name plus its indentation, in pixels
    int m_estimateWidth = 0; // the widest estimate, in pixels (every row, not only those shown)
};

} // namespace uaip
