#include "migrationactionguard.h"

#include "migrationactions.h"

#include <QAction>

namespace uaip {

MigrationActionGuard::MigrationActionGuard(const State &state)
    : m_state(state)
{
    if (!state.connected)
        m_why = tr("Not connected.");
    else if (state.readOnly)
        m_why = tr("The profile \"%1\" is read-only: applying and rolling back are disabled.")
                    .arg(state.profileName);
    else if (state.standby)
        m_why = tr("The server is a %1: applying and rolling back are disabled; connect to the "
                   "primary.")
                    .arg(state.serverRole);
    else if (!state.sourceOk)
        m_why = tr("The migration folder has errors.");
    else if (!state.statusOk)
        m_why = tr("The database could not be read; fix the connection and refresh (F5).");
    else if (state.busy)
        m_why = tr("A job is running.");
    // What can be rolled back: the newest applied migration, and (for "to selected") one
    // applied after the selected.
    for (const MigrationStatus &s : state.statuses)
        if (s.isApplied() && s.parsedVersion
            && (!m_newestApplied || *s.parsedVersion > *m_newestApplied))
            m_newestApplied = s.parsedVersion;
    m_selectedParsed.reset(); // none selected: "" is no version
    if (const auto parsed = MigrationVersion::parse(state.selected.value_or(QString())))
        m_selectedParsed = *parsed;
    // What can be applied: any pending migration, and (for "up to selected") one not after the
    // selected.
    for (const MigrationStatus &s : state.statuses) {
        if (s.isApplied())
            continue;
        m_anyPending = true;
        if (m_selectedParsed && s.parsedVersion && !(*s.parsedVersion > *m_selectedParsed))
            m_pendingUpToSelected = true;
    }
}

QString MigrationActionGuard::reason(const MigrationActions &actions, const QAction *a) const
{
    if (!m_why.isEmpty())
        return m_why;
    const bool applies = a == actions.applyAll || a == actions.applyToSelected;
    if (applies && !m_state.planProblems.isEmpty())
        return tr("The plan has %n problem(s); nothing would be applied (see Dry run):\n", nullptr,
                  int(m_state.planProblems.size()))
            + m_state.planProblems.join(u'\n');
    if ((a == actions.applyToSelected || a == actions.rollbackToSelected) && !m_state.selected)
        return tr("Select a migration first.");
    if (applies && !m_anyPending)
        return tr("Every migration is applied: there is nothing to apply.");
    if (a == actions.applyToSelected && !m_pendingUpToSelected)
        return tr("The selected migration and every one before it are applied: there is "
                  "nothing to apply up to it.");
    if (a == actions.rollbackLast && !m_newestApplied)
        return tr("No migration is applied: there is nothing to roll back.");
    if (a == actions.rollbackToSelected
        && (!m_newestApplied || !m_selectedParsed || !(*m_newestApplied > *m_selectedParsed)))
        return tr("No migration after the selected one is applied: there is nothing to roll "
                  "back.");
    return QString();
}

void MigrationActionGuard::apply(MigrationActions &actions) const
{
    for (QAction *a : actions.writeActions()) {
        const QString why = reason(actions, a);
        a->setEnabled(why.isEmpty());
        // the tip keeps naming the shortcut, as MigrationActions made it
        const QString tip = QStringLiteral("%1 (%2)").arg(
            a->statusTip(), a->shortcut().toString(QKeySequence::NativeText));
        a->setToolTip(why.isEmpty() ? tip : tip + u'\n' + why);
    }
    const bool connected = m_state.connected;
    actions.refresh->setEnabled(connected);
    actions.dryRun->setEnabled(connected && m_state.sourceOk);
    actions.validate->setEnabled(true);
    actions.verify->setEnabled(m_state.sourceOk && !m_state.busy);
    actions.generateMigration->setEnabled(connected && m_state.sourceOk && !m_state.busy
                                          && !m_state.bundled);
    QAction *generate = actions.generateMigration;
    const QString generateTip = QStringLiteral("%1 (%2)").arg(
        generate->statusTip(), generate->shortcut().toString(QKeySequence::NativeText));
    generate->setToolTip(m_state.bundled ? generateTip + u'\n'
                                 + tr("The bundled migrations are read-only: open a migrations "
                                      "folder (Migrations > Open migrations folder...) to write "
                                      "one")
                                         : generateTip);
    // an online change is proved on the sandbox alone, and written into the folder
    actions.newOnlineChange->setEnabled(connected && m_state.sourceOk && !m_state.busy
                                        && !m_state.bundled);
    actions.newOnlineChange->setToolTip(
        m_state.bundled ? actions.newOnlineChange->statusTip() + u'\n'
                + tr("The bundled migrations are read-only: open a migrations folder "
                     "(Migrations > Open migrations folder...) to write one")
                        : actions.newOnlineChange->statusTip());
    actions.openFolder->setEnabled(!m_state.busy);
    // the workload before and after the selected migration: it must have been applied
    bool applied = false;
    for (const MigrationStatus &s : m_state.statuses)
        applied = applied || (m_state.selected && s.version == *m_state.selected && s.isApplied());
    actions.workloadSince->setEnabled(connected && !m_state.busy && applied);
}

} // namespace uaip
