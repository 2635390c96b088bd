#include "sqlresulttabs.h"

#include "planhistoryview.h"
#include "sqlconsole/sqlrunresult.h"
#include "sqlresultgrid.h"
#include "sqlresultmodel.h"

#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTableView>

namespace uaip {

SqlResultTabs::SqlResultTabs(QWidget *parent)
    : QTabWidget(parent)
    , m_plans(new PlanHistoryView(this))
    , m_messages(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("sqlResults"));
    m_messages->setObjectName(QStringLiteral("sqlMessages"));
    m_messages->setReadOnly(true);
    addTab(m_plans, tr("Plan"));
    addTab(m_messages, tr("Messages"));
}

SqlResultModel *SqlResultTabs::modelOf(const QByteArray &cursor) const
{
    for (SqlResultModel *m : m_models)
        if (m && !cursor.isEmpty() && m->resultSet().cursor == cursor)
            return m;
    return nullptr;
}

SqlResultModel *SqlResultTabs::currentModel() const
{
    auto *view = qobject_cast<QTableView *>(currentWidget());
    return view ? qobject_cast<SqlResultModel *>(view->model()) : nullptr;
}

void SqlResultTabs::showResultSets(const SqlRunResult &result)
{
    // The earlier result sets go (the Plan and Messages tabs stay, last).
    while (count() > 2) {
        QWidget *w = widget(0);
        removeTab(0);
        delete w;
    }
    m_models.clear();
    const QLocale locale;
    int inserted = 0;
    for (const SqlResultSet &set : result.results) {
        QString line = QStringLiteral("%1  %2").arg(set.start.toString(), set.commandTag);
        if (set.hasRows) {
            auto *model = new SqlResultModel(set);
            auto *view = new SqlResultGrid(model, this);
            view->setSourceColumns(set.sourceColumns);
            view->resizeColumnsToContents();
            const QPointer<SqlResultModel> guard(model);
            connect(model, &SqlResultModel::moreRowsWanted, this,
                    [this, guard](const QByteArray &cursor) {
                        if (guard)
                            emit moreRowsWanted(guard, cursor);
                    });
            m_models.append(model);
            insertTab(inserted, view, tr("Result %1").arg(inserted + 1));
            ++inserted;
            line += QStringLiteral("  ")
                + (set.cursor.isEmpty()
                       ? tr("%n row(s)", nullptr, int(set.rows.size()))
                       : tr("first %n row(s), more as you scroll", nullptr, int(set.rows.size())));
            if (set.cutShort)
                line += QStringLiteral("  ")
                    + tr("(only the first page: a later statement ended the read transaction)");
        } else if (set.affectedRows >= 0) {
            line += QStringLiteral("  ") + tr("%n row(s) affected", nullptr, int(set.affectedRows));
        }
        line += QStringLiteral("  ") + tr("%1 ms").arg(locale.toString(set.durationMs, 'f', 1));
        message(line);
    }
    for (const QString &notice : result.notices)
        message(notice.trimmed());
}

void SqlResultTabs::showFirstResult()
{
    setCurrentIndex(!m_models.isEmpty() ? 0 : indexOf(m_messages));
}

void SqlResultTabs::showMessages()
{
    setCurrentWidget(m_messages);
}

void SqlResultTabs::showPlan(const PlanHistoryEntry &entry)
{
    m_plans->addPlan(entry);
    setCurrentWidget(m_plans);
}

void SqlResultTabs::message(const QString &text)
{
    m_messages->appendPlainText(text);
}

void SqlResultTabs::endRows()
{
    for (SqlResultModel *m : std::as_const(m_models))
        m->endRows();
}

} // namespace uaip
