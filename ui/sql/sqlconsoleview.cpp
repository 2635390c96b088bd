#include "sqlconsoleview.h"

#include "db/session.h"
#include "jobs/functionjob.h"
#include "jobs/jobcontext.h"
#include "jobs/sessionworker.h"
#include "sqlconsole/completioncatalog.h"
#include "sqlconsoletab.h"

#include <QPointer>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace uaip {

SqlConsoleView::SqlConsoleView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("sqlConsoleView"));
    m_tabs->setObjectName(QStringLiteral("sqlTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    auto *plus = new QToolButton(this);
    plus->setText(QStringLiteral("+"));
    plus->setToolTip(tr("New SQL tab"));
    plus->setAutoRaise(true);
    m_tabs->setCornerWidget(plus, Qt::TopRightCorner);
    connect(plus, &QToolButton::clicked, this, &SqlConsoleView::addTab);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &SqlConsoleView::closeTab);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    addTab();
}

SqlConsoleView::~SqlConsoleView()
{
    delete m_catalogWorker;
}

SqlConsoleTab *SqlConsoleView::addTab()
{
    auto *tab = new SqlConsoleTab(m_tabs);
    tab->setTarget(m_spec);
    tab->setCompletionNames(m_names);
    connect(tab, &SqlConsoleTab::jobStarted, this, &SqlConsoleView::jobStarted);
    m_tabs->addTab(tab, tr("Query %1").arg(++m_opened));
    m_tabs->setCurrentWidget(tab);
    return tab;
}

void SqlConsoleView::closeTab(int index)
{
    if (m_tabs->count() <= 1)
        return; // one tab always stays
    QWidget *w = m_tabs->widget(index);
    m_tabs->removeTab(index);
    delete w;
}

SqlConsoleTab *SqlConsoleView::currentTab() const
{
    return qobject_cast<SqlConsoleTab *>(m_tabs->currentWidget());
}

SqlConsoleTab *SqlConsoleView::tab(int i) const
{
    return qobject_cast<SqlConsoleTab *>(m_tabs->widget(i));
}

int SqlConsoleView::tabCount() const
{
    return m_tabs->count();
}

void SqlConsoleView::setTarget(const std::optional<SessionSpec> &spec)
{
    ++m_generation;
    m_spec = spec;
    delete m_catalogWorker;
    m_catalogWorker = nullptr;
    m_names.clear();
    for (int i = 0; i < tabCount(); ++i) {
        tab(i)->setTarget(spec);
        tab(i)->setCompletionNames({});
    }
    if (spec) {
        m_catalogWorker = new SessionWorker(spec->withPurpose(QStringLiteral("sql catalog")),
                                            QStringLiteral("sql catalog"), this);
        loadCompletionNames();
    }
}

void SqlConsoleView::reloadCatalog()
{
    if (m_catalogWorker)
        loadCompletionNames();
}

void SqlConsoleView::loadCompletionNames()
{
    const QPointer<SqlConsoleView> self(this);
    const int generation = m_generation;
    auto *job = new FunctionJob(tr("Read the names for completion"),
                                [self, generation](JobContext &context) -> Result<QString> {
                                    Result<Session *> session = context.session();
                                    if (!session)
                                        return session.error();
                                    Result<QStringList> names
                                        = CompletionCatalog::read(session.value()->pg());
                                    if (!names)
                                        return names.error();
                                    const QStringList list = names.value();
                                    Job::reply(self, [self, list, generation] {
                                        if (!self || generation != self->m_generation)
                                            return;
                                        self->m_names = list;
                                        for (int i = 0; i < self->tabCount(); ++i)
                                            self->tab(i)->setCompletionNames(list);
                                        emit self->completionNamesLoaded(int(list.size()));
                                    });
                                    return QString();
                                });
    emit jobStarted(job);
    m_catalogWorker->post(job);
}

} // namespace uaip
