#pragma once

#include <QObject>

class QLabel;

namespace uaip {

class PlanHistoryView;
class SqlEditor;

// Links the plan shown in a SQL console tab to its SQL text in the editor: a selected plan
// node marks the table reference it scans (its Relation Name and Alias, found in the
// statement's parse tree) and the label names the node with its condition (Filter, Index Cond,
// Join Filter, ...); the cursor put on a table reference selects the node that scans it. The
// statement is looked for where it was when explained, else anywhere in the editor; when it is
// no longer there, the label says so.
class PlanSqlLink : public QObject
{
    Q_OBJECT
public:
    PlanSqlLink(PlanHistoryView *plans, SqlEditor *editor, QLabel *label, QObject *parent);

private:
    void nodeSelected(int id);
    void cursorMoved();
    // The byte offset of the shown plan's statement in the editor; -1 when not there.
    int statementOffset() const;

    PlanHistoryView *m_plans;
    SqlEditor *m_editor;
    QLabel *m_label;
};

} // namespace uaip
