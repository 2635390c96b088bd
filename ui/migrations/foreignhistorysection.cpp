#include "foreignhistorysection.h"

#include "adoptdialog.h"
#include "db/session.h"
#include "foreign/adoptionplanner.h"
#include "foreign/foreignledgerreader.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "migrate/migrationrunjob.h"
#include "migrate/migrationrunner.h"
#include "migrationsview.h"
#include "migrationtablemodel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace uaip {

ForeignHistorySection::ForeignHistorySection(MigrationsView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("foreignHistory"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rows = new QVBoxLayout;
    layout->addLayout(m_rows);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("adoptResult"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    layout->addWidget(m_note);
    hide();
    connect(view, &MigrationsView::refreshed, this, [this](bool ok) {
        if (ok)
            reload();
    });
}

void ForeignHistorySection::reload()
{
    SessionWorker *worker = m_view->worker();
    if (!worker)
        return;
    const int generation = ++m_generation;
    QPointer<ForeignHistorySection> self(this);
    worker->post(new FunctionJob(tr("Read other tools' histories"),
                                 [self, generation](JobContext &context) -> Result<QString> {
                                     Result<Session *> session = context.session();
                                     const Result<QList<ForeignLedger>> read = session
                                         ? ForeignLedgerReader(session.value()->pg()).read()
                                         : Result<QList<ForeignLedger>>(session.error());
                                     const QString error
                                         = read ? QString() : read.error().toString();
                                     const QList<ForeignLedger> ledgers
                                         = read ? read.value() : QList<ForeignLedger>();
                                     Job::reply(self, [self, generation, ledgers, error] {
                                         if (self && generation == self->m_generation)
                                             self->present(ledgers, error);
                                     });
                                     if (!read)
                                         return read.error();
                                     return QString();
                                 }));
}

void ForeignHistorySection::present(const QList<ForeignLedger> &ledgers, const QString &error)
{
    m_ledgers = ledgers;
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!error.isEmpty()) {
        auto *label
            = new QLabel(tr("Cannot read other tools' migration histories: %1").arg(error), this);
        label->setWordWrap(true);
        m_rows->addWidget(label);
    }
    for (int i = 0; i < ledgers.size(); ++i) {
        const ForeignLedger &l = ledgers[i];
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *label
            = new QLabel(tr("History kept by %1 (%n applied) in %2", nullptr, l.appliedCount())
                             .arg(l.tool.displayName, l.qualifiedName()),
                         row);
        label->setObjectName(QStringLiteral("foreignLedgerLabel"));
        auto *button = new QPushButton(tr("Adopt history…"), row);
        button->setObjectName(QStringLiteral("adoptHistoryButton"));
        connect(button, &QPushButton::clicked, this, [this, i] { openAdoptDialog(i); });
        h->addWidget(label);
        h->addWidget(button);
        h->addStretch(1);
        m_rows->addWidget(row);
    }
    setVisible(!ledgers.isEmpty() || !error.isEmpty() || !m_note->text().isEmpty());
    emit loaded();
}

AdoptDialog *ForeignHistorySection::openAdoptDialog(int index)
{
    if (index < 0 || index >= m_ledgers.size())
        return nullptr;
    const AdoptionPlan plan = AdoptionPlanner::plan(m_ledgers[index], m_view->model()->statuses());
    auto *dialog = new AdoptDialog(plan, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { adopt(dialog->plan()); });
    dialog->open();
    return dialog;
}

void ForeignHistorySection::adopt(const AdoptionPlan &plan)
{
    SessionWorker *worker = m_view->worker();
    if (!worker)
        return;
    MigrationRunner::Options options;
    options.client = QStringLiteral("uaip-admin %1").arg(QCoreApplication::applicationVersion());
    const QList<Migration> migrations = m_view->source().migrations();
    const QList<AdoptItem> items = plan.items();
    QPointer<ForeignHistorySection> self(this);
    worker->post(
        new FunctionJob(tr("Adopt the history kept by %1").arg(plan.toolName),
                        [self, options, migrations, items](JobContext &context) -> Result<QString> {
                            Result<Session *> session = context.session();
                            RunResult result;
                            if (session) {
                                MigrationRunner runner(session.value()->pg(), migrations, options);
                                result = runner.adopt(items);
                            } else {
                                result.outcome = RunResult::Outcome::BadInput;
                                result.message = session.error().toString();
                            }
                            QString text = result.message;
                            for (const QString &p : result.problems)
                                text += QStringLiteral("\n") + p;
                            const bool ok = result.ok();
                            Job::reply(self, [self, ok, text] {
                                if (!self)
                                    return;
                                self->m_message = text;
                                self->m_note->setText(text);
                                self->m_note->show();
                                self->m_view->refresh();
                                emit self->adoptFinished(ok);
                            });
                            if (ok)
                                return text;
                            if (!session)
                                return session.error();
                            // the run's words and problems, its outcome's code
                            return Error(result.error().code(), text);
                        }));
}

} // namespace uaip
