#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QTableWidget;

namespace uaip {

// Help > Keyboard shortcuts: every action of the window that has a key, read from the
// actions themselves (so the list is never out of date), with where it works: everywhere (the
// menus) or in one view (a view's own keys work where that view has the focus).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    // views: each view's widget and its name in the side bar.
    ShortcutsDialog(QWidget *window, const QList<QPair<QWidget *, QString>> &views);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace uaip
