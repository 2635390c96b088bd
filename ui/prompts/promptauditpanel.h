#pragma once

#include "prompts/promptauditentry.h"

#include <QList>
#include <QWidget>

class QTableWidget;

namespace uaip {

// The audit trail of a prompt (audit_logs): every version, restore, label move, import and
// encryption change with the database user and the console user, newest first.
class PromptAuditPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PromptAuditPanel(QWidget *parent = nullptr);

    void setEntries(const QList<PromptAuditEntry> &entries);
    void clear();
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace uaip
