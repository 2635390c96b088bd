#pragma once

#include "db/sessionspec.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QTabWidget;

namespace uaip {

class Job;
class SessionWorker;
class SqlConsoleTab;

// The SQL view: tabs of SqlConsoleTab (each its own session), a "+" to open another, and the
// editor's completion names read from the catalog of the connected database on a worker of
// the view's own.
class SqlConsoleView : public QWidget
{
    Q_OBJECT
public:
    explicit SqlConsoleView(QWidget *parent = nullptr);
    ~SqlConsoleView() override;

    void setTarget(const std::optional<SessionSpec> &spec);
    SqlConsoleTab *currentTab() const;
    SqlConsoleTab *tab(int i) const;
    int tabCount() const;
    SqlConsoleTab *addTab();
    QStringList completionNames() const { return m_names; }
    // Reads the completion names from the catalog again (after a migration, Refresh all).
    void reloadCatalog();

signals:
    void jobStarted(uaip::Job *job);
    void completionNamesLoaded(int count);

private:
    void loadCompletionNames();
    void closeTab(int index);

    std::optional<SessionSpec> m_spec;
    SessionWorker *m_catalogWorker = nullptr;
    QTabWidget *m_tabs;
    QStringList m_names;
    int m_opened = 0;
    int m_generation = 0;
};

} // namespace uaip
