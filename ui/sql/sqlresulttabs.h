#pragma once

#include <QList>
#include <QTabWidget>

class QPlainTextEdit;

namespace uaip {

class PlanHistoryView;
struct PlanHistoryEntry;
class SqlResultModel;
struct SqlRunResult;

// The results of a SQL console tab: a tab per result set of the last run (rows paged from the
// server-side cursor as the grid scrolls), then the tab's plan history and its messages
// (command tags, row counts, durations, notices, errors).
class SqlResultTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit SqlResultTabs(QWidget *parent = nullptr);

    PlanHistoryView *plans() const { return m_plans; }
    QPlainTextEdit *messages() const { return m_messages; }
    // The grid model of result set i of the last run.
    SqlResultModel *model(int i) const { return m_models.value(i); }
    // The grid model whose rows come from cursor; null when none does.
    SqlResultModel *modelOf(const QByteArray &cursor) const;
    // The grid model of the result set shown; null when none is.
    SqlResultModel *currentModel() const;

    // Replaces the result sets of the earlier run by those of result, each with its line in
    // the messages, and adds the run's notices.
    void showResultSets(const SqlRunResult &result);
    // The first result set, else the messages.
    void showFirstResult();
    void showMessages();
    // Adds the plan to the history and shows it.
    void showPlan(const PlanHistoryEntry &entry);
    void message(const QString &text);
    // The rows of every result set are all there is: their cursors ended.
    void endRows();

signals:
    // A grid scrolled past the rows read so far of the result set read from cursor.
    void moreRowsWanted(uaip::SqlResultModel *model, const QByteArray &cursor);

private:
    PlanHistoryView *m_plans;
    QPlainTextEdit *m_messages;
    QList<SqlResultModel *> m_models;
};

} // namespace uaip
