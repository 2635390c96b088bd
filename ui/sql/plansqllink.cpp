#include "plansqllink.h"

#include "planhistoryview.h"
#include "planview.h"
#include "sqlconsole/statementrelations.h"
#include "sqleditor.h"

#include <QLabel>

namespace uaip {

PlanSqlLink::PlanSqlLink(PlanHistoryView *plans, SqlEditor *editor, QLabel *label, QObject *parent)
    : QObject(parent)
    , m_plans(plans)
    , m_editor(editor)
    , m_label(label)
{
    m_label->setObjectName(QStringLiteral("planSqlLink"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setWordWrap(true);
    m_label->hide();
    connect(m_plans, &PlanHistoryView::nodeSelected, this, &PlanSqlLink::nodeSelected);
    connect(m_editor, &SqlEditor::cursorPositionChanged, this, &PlanSqlLink::cursorMoved);
}

int PlanSqlLink::statementOffset() const
{
    const PlanHistoryEntry *entry = m_plans->shownEntry();
    if (!entry || entry->statement.isEmpty())
        return -1;
    const QByteArray text = m_editor->utf8Text();
    if (text.mid(entry->scriptOffset, entry->statement.size()) == entry->statement)
        return entry->scriptOffset;
    return int(text.indexOf(entry->statement));
}

void PlanSqlLink::nodeSelected(int id)
{
    m_editor->clearHighlight();
    const PlanHistoryEntry *entry = m_plans->shownEntry();
    if (!entry || id < 0 || id >= entry->result.plan.nodes().size()) {
        m_label->hide();
        return;
    }
    const PlanNode &node = entry->result.plan.nodes().at(id);
    QString text = node.label();
    if (!node.condition.isEmpty())
        text += QStringLiteral("  —  %1: %2").arg(node.conditionKind, node.condition);
    const int base = statementOffset();
    if (base < 0) {
        text += QStringLiteral("  —  ") + tr("the explained statement is no longer in the editor");
    } else if (!node.relation.isEmpty()) {
        const StatementRelations relations(entry->statement);
        const int ref = relations.find(node.relation, node.alias);
        if (ref >= 0) {
            const RelationReference &r = relations.references().at(ref);
            m_editor->highlightRange(base + r.from, base + r.to);
        }
    }
    m_label->setText(text);
    m_label->show();
}

void PlanSqlLink::cursorMoved()
{
    const PlanHistoryEntry *entry = m_plans->shownEntry();
    if (!entry)
        return;
    const int base = statementOffset();
    const int offset = m_editor->cursorOffset() - base;
    if (base < 0 || offset < 0 || offset > entry->statement.size())
        return;
    const StatementRelations relations(entry->statement);
    const int ref = relations.at(offset);
    if (ref < 0)
        return;
    for (const PlanNode &n : entry->result.plan.nodes())
        if (!n.relation.isEmpty() && relations.find(n.relation, n.alias) == ref) {
            if (m_plans->plan()->selectedNode() != n.id)
                m_plans->plan()->select(n.id);
            return;
        }
}

} // namespace uaip
