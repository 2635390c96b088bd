#include "foreignkeypicker.h"

#include "browse/referencesearch.h"
#include "db/session.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QVBoxLayout>

namespace uaip {

namespace {
constexpr int kMatches = 50;
}

ForeignKeyPicker::ForeignKeyPicker(SessionWorker *worker, const ForeignKeyInfo &foreignKey,
                                   QWidget *parent)
    : QWidget(parent)
    , m_foreignKey(foreignKey)
    , m_worker(worker)
    , m_value(new QLineEdit(this))
    , m_search(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_null(new QCheckBox(tr("NULL"), this))
{
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_value->setToolTip(
        tr("%1.%2(%3)")
            .arg(foreignKey.refSchema, foreignKey.refTable, foreignKey.refColumns.join(u',')));
    m_search->setPlaceholderText(tr("Search %1…").arg(foreignKey.refTable));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_value);
    layout->addWidget(m_null);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    m_null->hide();
    connect(m_null, &QCheckBox::toggled, m_value, &QWidget::setDisabled);
    connect(m_search, &QLineEdit::textChanged, this, &ForeignKeyPicker::search);
    connect(m_results, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item) {
            m_value->setText(item->data(Qt::UserRole).toString());
            m_null->setChecked(false);
        }
    });
    search();
}

ForeignKeyPicker::~ForeignKeyPicker()
{
    if (m_job)
        m_job->cancel();
}

void ForeignKeyPicker::setNullable(bool nullable)
{
    m_nullable = nullable;
    m_null->setVisible(nullable);
}

void ForeignKeyPicker::setValue(const QVariant &value)
{
    m_null->setChecked(value.isNull() && m_nullable);
    m_value->setText(value.toString());
}

QVariant ForeignKeyPicker::value() const
{
    return m_null->isChecked() ? QVariant() : QVariant(m_value->text());
}

void ForeignKeyPicker::search()
{
    const int serial = ++m_searchSerial;
    if (m_job)
        m_job->cancel(); // never blocks: the cancel request runs off this thread
    if (!m_worker)
        return;
    QPointer<ForeignKeyPicker> self(this);
    auto *job = new FunctionJob(
        tr("Search %1").arg(m_foreignKey.refTable),
        [self, serial, fk = m_foreignKey,
         text = m_search->text()](JobContext &context) -> Result<QString> {
            if (context.isCancelled())
                return Error(ErrorCode::Cancelled, QString()); // the job says "cancelled"
            Result<Session *> session = context.session();
            Result<QList<ReferenceSearch::Match>> found = session
                ? ReferenceSearch::search(session.value()->pg(), fk.refSchema, fk.refTable,
                                          fk.refColumns.value(0), text, kMatches)
                : Result<QList<ReferenceSearch::Match>>(session.error());
            const QList<ReferenceSearch::Match> matches
                = found ? found.value() : QList<ReferenceSearch::Match>();
            Job::reply(self, [self, serial, matches] {
                if (!self || serial != self->m_searchSerial)
                    return; // a newer search replaced this one
                self->m_results->clear();
                for (const ReferenceSearch::Match &m : matches) {
                    auto *item = new QListWidgetItem(
                        m.second.isEmpty() ? m.first : m.first + QStringLiteral("  —  ") + m.second,
                        self->m_results);
                    item->setData(Qt::UserRole, m.first);
                }
                emit self->searched(int(matches.size()));
            });
            if (!found)
                return found.error();
            return QString();
        });
    m_job = job;
    m_worker->post(job);
}

} // namespace uaip
