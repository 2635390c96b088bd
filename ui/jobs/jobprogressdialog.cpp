#include "jobprogressdialog.h"

#include "jobs/job.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

JobProgressDialog::JobProgressDialog(Job *job, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
    , m_step(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_log(new QPlainTextEdit(this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
{
    setObjectName(QStringLiteral("jobProgressDialog"));
    setWindowTitle(job->title());
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    m_step->setWordWrap(true);
    m_step->setText(tr("starting ..."));
    m_bar->setRange(0, 0);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_cancel->setToolTip(tr("Cancel the job (Esc): the running migration is rolled back"));
    layout->addWidget(m_step);
    layout->addWidget(m_bar);
    layout->addWidget(m_log, 1);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &JobProgressDialog::reject);
    connect(job, &Job::progress, this, [this](int done, int total, const QString &text) {
        m_step->setText(text);
        m_bar->setRange(0, total);
        m_bar->setValue(done);
    });
    connect(job, &Job::logLine, this,
            [this](const QString &line) { m_log->appendPlainText(line); });
    connect(job, &Job::finished, this, [this] { done(Accepted); });
    const QFontMetrics fm(font());
    resize(fm.horizontalAdvance(QLatin1Char('m')) * 60, fm.height() * 18);
}

QString JobProgressDialog::log() const
{
    return m_log->toPlainText();
}

void JobProgressDialog::reject()
{
    if (m_job) {
        m_job->cancel();
        m_step->setText(tr("cancelling ..."));
        m_cancel->setEnabled(false);
        return; // closes when the job reports back
    }
    QDialog::reject();
}

} // namespace uaip
