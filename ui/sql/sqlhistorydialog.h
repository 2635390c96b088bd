#pragma once

#include "sqlconsole/sqlhistory.h"

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace uaip {

// The SQL console's history of a profile, newest first, searchable; the chosen entry's SQL
// goes back into the editor (chosenSql() after accept).
class SqlHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    SqlHistoryDialog(const SqlHistory &history, QWidget *parent = nullptr);

    QString chosenSql() const;
    QLineEdit *searchField() const { return m_search; }
    QListWidget *list() const { return m_list; }

private:
    void fill();

    SqlHistory m_history;
    QList<SqlHistoryEntry> m_entries;
    QLineEdit *m_search;
    QListWidget *m_list;
    QPlainTextEdit *m_preview;
};

} // namespace uaip
