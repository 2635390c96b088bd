#pragma once

#include <QToolBar>

class QAction;
class QCheckBox;
class QSpinBox;

namespace uaip {

// The tool bar of an SQL tab: Run, Run script, Explain (with Analyze), Cancel, Autocommit,
// Commit, Roll back, Close result, the statement timeout, Export CSV… and History…. The
// actions are the tab's (their shortcuts work where it has the focus:
// Qt::WidgetWithChildrenShortcut), and so is what they do; setState() enables what can run.
class SqlTabToolBar : public QToolBar
{
    Q_OBJECT
public:
    // What the actions depend on, as the tab knows it now.
    struct State
    {
        bool ready = false; // the tab's session is open and idle
        bool busy = false; // a job of the tab runs
        bool inTransaction = false; // the user's transaction is open
        bool transactionFailed = false; // it failed: only Roll back ends it
        bool cursors = false; // results are open on the server
        bool target = false; // the tab has a database (its history)
    };

    // The actions are tab's (added to it).
    explicit SqlTabToolBar(QWidget *tab);

    void setState(const State &state);

    QAction *run = nullptr;
    QAction *runScript = nullptr;
    QAction *explain = nullptr;
    QAction *cancel = nullptr;
    QAction *commit = nullptr;
    QAction *rollback = nullptr;
    // Reads what is left of small results, closes the cursors and ends the read transaction.
    QAction *closeResults = nullptr;
    QAction *exportCsv = nullptr;
    QAction *history = nullptr;
    QCheckBox *autocommit;
    QCheckBox *analyze;
    QSpinBox *timeout;

private:
    void buildActions(QWidget *tab);
};

} // namespace uaip
