#pragma once

#include "prompts/promptdetail.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace uaip {

// The versions of a prompt, newest first: version, labels on it, author, time, change note,
// checksum. Compare (two selected versions, or one against the current), Restore (a new
// version with the selected version's content) and Promote to production (the explicit
// publish: saving a version never moves "production").
class PromptHistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PromptHistoryPanel(QWidget *parent = nullptr);

    void setDetail(const PromptDetail &detail);
    void clear();
    void setWritable(bool writable, const QString &reason);
    QTableWidget *table() const { return m_table; }
    QList<int> selectedVersions() const;
    void selectVersions(const QList<int> &versions);
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *promoteButton() const { return m_promote; }

signals:
    void compareRequested(int before, int after);
    void restoreRequested(int version);
    void promoteRequested(int version);

private:
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_compare;
    QPushButton *m_restore;
    QPushButton *m_promote;
    int m_current = 0;
    int m_production = 0; // 0: no production label
    int m_latest = 0; // what the editor starts from: restoring it would change nothing
    bool m_writable = false;
    QString m_reason;
};

} // namespace uaip
