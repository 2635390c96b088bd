#pragma once

#include "prompts/promptlabel.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace uaip {

// The labels of a prompt (production, staging, any added; "latest" computed) with a form to
// move one to a version, and the label history: who moved which label from which version to
// which, when.
class PromptLabelsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PromptLabelsPanel(QWidget *parent = nullptr);

    void setLabels(const QList<PromptLabel> &labels, int latestVersion);
    void setHistory(const QList<PromptLabelMove> &moves);
    void setVersionRange(int newest);
    void clear();
    void setWritable(bool writable, const QString &reason);

    QTableWidget *labelsTable() const { return m_labels; }
    QTableWidget *historyTable() const { return m_history; }
    QComboBox *labelEdit() const { return m_label; }
    QSpinBox *versionEdit() const { return m_version; }
    QPushButton *moveButton() const { return m_move; }

signals:
    void moveRequested(const QString &label, int version);

private:
    QTableWidget *m_labels;
    QTableWidget *m_history;
    QComboBox *m_label;
    QSpinBox *m_version;
    QPushButton *m_move;
    bool m_writable = false;
};

} // namespace uaip
