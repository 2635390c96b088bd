#pragma once

#include "browse/rowconflict.h"
#include "browse/tableinfo.h"

#include <QDialog>

class QDialogButtonBox;
class QTableWidget;

namespace uaip {

// One conflicting row: what we loaded, their current version and ours, column by column
// (the differing columns first, the others behind "show all"), and the choice: keep mine
// (stage an overwrite of theirs, written by the next Save — the dialog says so), take
// theirs (drop my change) or decide later (keep it staged as it is).
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { DecideLater = 0, KeepMine = 1, TakeTheirs = 2 };

    ConflictDialog(const TableInfo &table, const RowConflict &conflict, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    // Keep mine (unless they deleted the row), take theirs, decide later.
    QDialogButtonBox *choices(bool deletedByThem);

    QTableWidget *m_table;
};

} // namespace uaip
