#pragma once

#include <QCoreApplication>

class QListWidget;

namespace uaip {

// The side bar's entries: one per view of MainWindow, in the order of MainWindow::View, with
// the view's name, an icon (desktop theme with QStyle fallback) at the side bar's icon size and
// a tool tip that says what the view is for.
class SidebarEntries
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SidebarEntries)

public:
    static void addTo(QListWidget *sidebar);
};

} // namespace uaip
