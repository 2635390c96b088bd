#pragma once

#include <QObject>

#include <functional>

class QLabel;

namespace uaip {

struct ExplainOptions;
struct ExplainResult;
class Error;
struct PgError;
class SqlEditor;
class SqlResultTabs;
struct SqlRunError;
struct SqlStatement;
class SqlTabSession;

// Explain of a SQL console tab: the selection when it is one statement, else the statement
// under the cursor, explained on the tab's session (with ANALYZE when asked). The plan joins
// the tab's plan history; an error is marked in the editor and told in the messages. On
// production, when ANALYZE would run a statement that can write, the database name is asked
// for first and the statement is explained again with it.
class SqlTabExplainer : public QObject
{
    Q_OBJECT
public:
    // Asks the user to type the database name; returns what was typed (empty: cancelled).
    using AskName = std::function<QString(const QString &database, const QString &why)>;

    SqlTabExplainer(SqlTabSession *session, SqlEditor *editor, SqlResultTabs *results,
                    QLabel *status, AskName askName, QObject *parent);

    void explain(bool analyze);

signals:
    // The explain job has ended.
    void finished();
    void planShown();

private:
    // Explains statement of text; on production asks for the name first when ANALYZE would run
    // a statement that can write.
    void runExplain(const SqlStatement &statement, const QByteArray &text,
                    const ExplainOptions &options);
    // The guard stopped the explain until the database name is typed: asks for it and explains
    // again with it.
    void confirm(const SqlStatement &statement, const QByteArray &text,
                 const ExplainOptions &guarded, const SqlRunError &stop);
    void showPlan(const SqlStatement &statement, const ExplainResult &result);
    void showError(const SqlStatement &statement, const QByteArray &text, const Error &error);

    SqlTabSession *m_session;
    SqlEditor *m_editor;
    SqlResultTabs *m_results;
    QLabel *m_status;
    AskName m_askName;
};

} // namespace uaip
