#pragma once

#include "indexadvice/indexmigration.h"

#include <QDialog>

class QTabWidget;

namespace uaip {

// An index action of the Health view made a migration and proved, before it is written: what
// it does and why, how it was proved, up.sql and down.sql. Write writes the folder (accept).
class IndexMigrationDialog : public QDialog
{
    Q_OBJECT
public:
    IndexMigrationDialog(const IndexMigration &migration, const QString &folder,
                         QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs = nullptr;
};

} // namespace uaip
