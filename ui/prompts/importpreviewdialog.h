#pragma once

#include "prompts/promptimportplan.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace uaip {

// The dry run of an import, before anything is written: per prompt of the file new /
// changed / metadata changed / unchanged, with the versions and the changed fields; or,
// when the file has problems, every problem (and no Import button: nothing can be written).
class ImportPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    // problems empty: the plan can be imported.
    ImportPreviewDialog(const PromptImportPlan &plan, const QStringList &problems,
                        QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *importButton() const { return m_import; } // null with problems

private:
    QTableWidget *m_table;
    QPushButton *m_import = nullptr;
};

} // namespace uaip
