#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace uaip {

class Job;
class JobManager;

// The job dock: every job of the session (running first), its progress and a Cancel button,
// and below a log of what the jobs said.
class JobPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobPanel(JobManager *manager, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QString log() const;

private:
    void addJob(Job *job);

    QTreeWidget *m_list;
    QPlainTextEdit *m_log;
};

} // namespace uaip
