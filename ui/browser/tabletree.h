#pragma once

#include "browse/tablesummary.h"

#include <QHash>
#include <QTreeWidget>

namespace uaip {

// Schemas and their tables with the planner's estimated row counts; the platform's tables
// grouped by domain inside their schema, then the other tables, then an extension's relations
// in a group of their own (collapsed at first); names in natural order (TableTreeOrder). A
// filter lists only the tables whose "schema.name" contains a text. Built in one batch: ten
// thousand tables take one pass.
class TableTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit TableTree(QWidget *parent = nullptr);
    // Replaces the tables; schema and group nodes keep their expanded or collapsed state and
    // the current item stays current when it is still listed (new schemas and domains start
    // expanded, extension groups collapsed); the filter stays.
    void setTables(const QList<TableSummary> &tables);
    // The same listing read again: when it lists the same relations only their estimates
    // change, in place (items, scroll position and selection untouched); else as setTables.
    void updateEstimates(const QList<TableSummary> &tables);
    // Lists only the tables whose "schema.name" contains text, case ignored (empty: all), with
    // their schema and group nodes, expanded while a filter is on. The current table stays
    // current when it still matches.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    int tableCount() const { return int(m_tables.size()); }
    int shownTableCount() const { return m_shown; }
    // Makes schema.name the current item (without activating it); false if it is not listed.
    bool selectTable(const QString &schema, const QString &name);
    // Wide enough for the longest table name (at least a typical platform one) at its depth and
    // the estimate column, without eliding; measured once per listing, filter or not.
    QSize sizeHint() const override;
    // The item of schema.name, or null (not listed, or filtered out).
    QTreeWidgetItem *itemFor(const QString &schema, const QString &name) const;

signals:
    void tableActivated(const QString &schema, const QString &name);
    // After each build: how many tables the filter lists, of how many.
    void countsChanged(int shown, int total);

private:
    // The items of the tables that match the filter, all at once; keepScroll: where the list
    // was scrolled to stays (a new listing), else the current item is scrolled to (a filter).
    void rebuild(bool keepScroll);
    QTreeWidgetItem *tableItem(int index, QTreeWidgetItem *parent,
                               const QString &estimateTip) const;
    // After a build: expanded states, the current item, and where the list was scrolled to
    // (scrolled >= 0), or the current item scrolled to (scrolled < 0).
    void restoreState(const QHash<QString, QTreeWidgetItem *> &nodes, int scrolled);
    void measure(); // m_nameWidth and m_estimateWidth over every table
    int textRoom(const QString &text) const; // a cell's width for text
    bool matches(const TableSummary &t) const;
    static bool sameRelation(const TableSummary &a, const TableSummary &b);
    QString keyOf(const QTreeWidgetItem *item) const;

    QList<TableSummary> m_tables; // as listed
    QList<int> m_order; // indices of m_tables in the tree's order
    QList<QTreeWidgetItem *> m_items; // per m_tables index: its item, or null (filtered out)
    QHash<QString, int> m_indexOf; // "schema\nname" -> index in m_tables
    QHash<QString, bool> m_expanded; // by keyOf: the state the user gave a schema or group
    QString m_current; // keyOf the current item
    QString m_filter;
    int m_shown = 0;
    bool m_building = false;
    int m_nameWidth = 0; // the longest name plus its indentation, in pixels
    int m_estimateWidth = 0; // the widest estimate, in pixels (every table, not only those shown)
};

} // namespace uaip
