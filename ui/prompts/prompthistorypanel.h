#pragma once

#include "prompts/promptdetail.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace uaip {

// The versions of a prompt, newest first: version, labels on it, author, time, change note,
// checksum. Compare (two selected versions, or one against the current) and Restore (a new
// version with the selected version's content).
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

signals:
    void compareRequested(int before, int after);
    void restoreRequested(int version);

private:
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_compare;
    QPushButton *m_restore;
    int m_current = 0;
    bool m_writable = false;
    QString m_reason;
};

} // namespace uaip
