#include "jobpanel.h"

#include "jobs/job.h"
#include "jobs/jobmanager.h"
#include "widgets/localeformat.h"
#include "widgets/statestyle.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace uaip {

namespace {
struct JobColumn
{
    enum { Title, Progress, State, Cancel };
};
constexpr int kMaxRows = 200;
} // namespace

JobPanel::JobPanel(JobManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_log(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_list->setObjectName(QStringLiteral("jobList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Job"), tr("Progress"), tr("Status"), QString()});
    m_list->header()->setSectionResizeMode(JobColumn::Title, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(JobColumn::State, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(JobColumn::Cancel, QHeaderView::ResizeToContents);
    m_log->setReadOnly(true);
    m_log->setObjectName(QStringLiteral("jobLog"));
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    split->addWidget(m_list);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split);
    connect(manager, &JobManager::jobStarted, this, &JobPanel::addJob);
}

QString JobPanel::log() const
{
    return m_log->toPlainText();
}

void JobPanel::addJob(Job *job)
{
    auto *item = new QTreeWidgetItem({job->title(), QString(), tr("running")});
    m_list->insertTopLevelItem(0, item);
    while (m_list->topLevelItemCount() > kMaxRows)
        delete m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);
    auto *bar = new QProgressBar(m_list);
    bar->setRange(0, 0);
    m_list->setItemWidget(item, JobColumn::Progress, bar);
    auto *cancel = new QToolButton(m_list);
    cancel->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    cancel->setText(tr("Cancel"));
    cancel->setToolTip(tr("Cancel this job"));
    cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_list->setItemWidget(item, JobColumn::Cancel, cancel);
    const QPointer<Job> guard(job);
    connect(cancel, &QToolButton::clicked, this, [guard] {
        if (guard)
            guard->cancel();
    });
    const QString title = job->title();
    connect(job, &Job::progress, bar, [bar, item](int done, int total, const QString &text) {
        bar->setRange(0, total);
        bar->setValue(done);
        item->setText(JobColumn::State, text);
    });
    connect(job, &Job::logLine, this, [this, title](const QString &line) {
        m_log->appendPlainText(
            QStringLiteral("%1  %2: %3")
                .arg(LocaleFormat::timeWithSeconds(QTime::currentTime()), title, line));
    });
    const auto shown = std::make_shared<bool>(false);
    const auto finish = [this, bar, cancel, item, title, guard, shown](bool ok, const QString &s) {
        if (*shown)
            return;
        *shown = true;
        // A cancel is what the user asked for: said in neutral words, not as a failure.
        const bool cancelled = !ok && guard && guard->isCancelled();
        bar->setRange(0, 1);
        bar->setValue(1);
        cancel->setEnabled(false);
        const QString first = s.section(u'\n', 0, 0);
        item->setText(JobColumn::State,
                      ok              ? s
                          : cancelled ? tr("cancelled")
                                      : tr("failed: %1").arg(first));
        item->setToolTip(JobColumn::State, s); // the whole result, where the column cuts it
        if (!ok && !cancelled)
            item->setForeground(JobColumn::State, StateStyle::danger());
        m_log->appendPlainText(QStringLiteral("%1  %2: %3 — %4")
                                   .arg(LocaleFormat::timeWithSeconds(QTime::currentTime()), title,
                                        ok              ? tr("done")
                                            : cancelled ? tr("cancelled")
                                                        : tr("failed"),
                                        s));
    };
    connect(job, &Job::finished, cancel, finish);
    // A job announced after it was posted may have finished before the connection above: its
    // finished() went by, so its result is shown from what it kept.
    if (job->isFinished())
        finish(job->succeeded(), job->summary());
}

} // namespace uaip
