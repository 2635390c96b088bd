#pragma once

#include "prompts/promptseedreport.h"

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace uaip {

// The dry run of seeding (as `uaip-migrate seed prompts [--update] --dry-run` prints it),
// before anything is written: per prompt and persona of the seed file what seeding would do
// (insert, new version, metadata update, unchanged, differs, exists) with the versions and the
// changed fields; or, when the file has problems, every problem. The Seed button exists only
// when the plan writes something.
class SeedPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    // problems empty: the plan can be written.
    SeedPreviewDialog(const PromptSeedReport &plan, const QStringList &problems,
                      QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *seedButton() const { return m_seed; } // null with problems or nothing to write

private:
    static QString describe(const SeedAction &action);

    QTableWidget *m_table;
    QPushButton *m_seed = nullptr;
};

} // namespace uaip
