#pragma once

#include "sql/sqlconsoletab.h"

#include <QAction>
#include <QSignalSpy>

namespace uaip::test {

// Runs the tab's EXPLAIN and waits until its plan is shown.
inline bool explainAndWait(SqlConsoleTab *tab)
{
    QSignalSpy shown(tab, &SqlConsoleTab::planShown);
    QSignalSpy finished(tab, &SqlConsoleTab::finished);
    tab->explainAction()->trigger();
    return finished.wait(30000) && shown.size() == 1;
}

} // namespace uaip::test
