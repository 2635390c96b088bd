#pragma once

#include "lint/rollbackimpact.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QVBoxLayout;

namespace uaip {

// "This rollback would destroy ...": the tables (with row counts), columns and other objects
// found by the rollback preview. With a production database name, the user must type it
// before the Roll back button is enabled. An empty rollback is never offered.
class RollbackConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    // productionDatabase empty: no typed confirmation needed.
    RollbackConfirmDialog(const QString &what, const RollbackImpact &impact,
                          const QString &productionDatabase, QWidget *parent = nullptr);

    QTreeWidget *impactTree() const { return m_tree; }
    QLabel *notesLabel() const { return m_notes; } // what could not be previewed, wrapped
    QLineEdit *nameEdit() const { return m_name; } // null when not production
    QPushButton *rollbackButton() const;

    // "1 row" / "12,000 rows" in the user's language.
    static QString rowCount(qint64 rows);

private:
    void addSummary(QVBoxLayout *layout, const QString &what, const RollbackImpact &impact);
    void addImpactTree(QVBoxLayout *layout, const RollbackImpact &impact);
    void addNotes(QVBoxLayout *layout, const RollbackImpact &impact);
    void addButtons(QVBoxLayout *layout);
    void updateButton();

    QTreeWidget *m_tree;
    QLabel *m_notes = nullptr;
    QLineEdit *m_name = nullptr;
    QDialogButtonBox *m_buttons;
    QString m_database;
    bool m_empty; // nothing would be rolled back: the button stays disabled
};

} // namespace uaip
