#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace uaip {

class Job;

// The dialog of a running job: what it does now, progress per step, a live log, and Cancel.
// Esc (reject) cancels the job too. Closes itself when the job has finished.
class JobProgressDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JobProgressDialog(Job *job, QWidget *parent = nullptr);

    QString log() const;

public slots:
    void reject() override;

private:
    QPointer<Job> m_job;
    QLabel *m_step;
    QProgressBar *m_bar;
    QPlainTextEdit *m_log;
    QPushButton *m_cancel;
};

} // namespace uaip
