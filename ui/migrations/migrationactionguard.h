#pragma once

#include "ledger/migrationstatus.h"
#include "ledger/migrationversion.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QAction;

namespace uaip {

class MigrationActions;

// Which actions of the Migrations view can run now, and why the others cannot: applying and
// rolling back need a writable primary whose status was read and something to apply or roll
// back. A write action that cannot run says why in its tool tip.
class MigrationActionGuard
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationActionGuard)

public:
    // What the actions depend on, as the view knows it now.
    struct State
    {
        bool connected = false;
        bool readOnly = false; // the profile is read-only
        QString profileName;
        bool standby = false; // the last status read found a standby
        QString serverRole; // what it found the server to be
        bool sourceOk = true; // the migration folder has no errors
        bool statusOk = false; // the last status read succeeded
        bool busy = false; // a job is running
        bool bundled = false; // the migrations are the bundled ones (read-only)
        QList<MigrationStatus> statuses;
        std::optional<QString> selected; // the version of the selected migration
        QStringList planProblems; // of applying everything pending
    };

    explicit MigrationActionGuard(const State &state);

    // Why nothing can be applied or rolled back (not connected, a read-only profile, a
    // standby, ...); empty when that depends on the action.
    const QString &blocker() const { return m_why; }
    // Why write action a (one of actions.writeActions()) cannot run now; empty when it can.
    QString reason(const MigrationActions &actions, const QAction *a) const;
    // Enables the actions that can run now; the write actions' tool tips say why not.
    void apply(MigrationActions &actions) const;

private:
    State m_state;
    QString m_why;
    std::optional<MigrationVersion> m_newestApplied;
    std::optional<MigrationVersion> m_selectedParsed;
    bool m_anyPending = false;
    bool m_pendingUpToSelected = false; // a pending migration not after the selected one
};

} // namespace uaip
