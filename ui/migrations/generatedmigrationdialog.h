#pragma once

#include "confirmer.h"

#include <QDialog>

class QTabWidget;

namespace uaip {

// A migration generated from the target's drift, before it is written: what differs, what to
// review (held-back destructive steps, renames, what was not generated), up.sql and down.sql.
// Write writes the folder; Write and Record also records it as applied on the target, which
// already has that schema.
class GeneratedMigrationDialog : public QDialog
{
    Q_OBJECT
public:
    GeneratedMigrationDialog(const DriftMigration &migration, const QString &folder,
                             const QString &database, bool canRecord, QWidget *parent = nullptr);

    Confirmer::GeneratedChoice choice() const { return m_choice; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    Confirmer::GeneratedChoice m_choice = Confirmer::GeneratedChoice::Discard;
    QTabWidget *m_tabs = nullptr;
};

} // namespace uaip
