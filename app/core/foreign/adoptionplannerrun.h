#pragma once

#include "adoptionplanner.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace uaip {

// What plan() builds up as it goes through the ledger's entries.
struct AdoptionPlanner::Run
{
    const ForeignLedger &ledger;
    const QList<MigrationStatus> &statuses;
    AdoptionPlan &plan;
    QHash<QString, int> claimed{}; // folder -> the row that matched it
    QHash<QString, int> appliedByVersion{}; // Flyway: version -> its applied versioned row
    QList<int> spans{}; // rows that cover everything at or below them (baseline, golang-migrate)
    QList<int> repeatables{}; // Flyway's rows of repeatable migrations, matched at the end
    // a repeatable's row and its folder with a text Flyway has not run: pending
    QList<std::pair<int, const MigrationStatus *>> changedRepeatables{};
    // --accept-checksum: the versions (Flyway's or the folder's; a repeatable's file) whose
    // checksum is taken over as it is, and those a row took
    QStringList accept{};
    QSet<QString> accepted{};

    // Whether one of names is to be accepted (noted as taken).
    bool accepts(const QStringList &names)
    {
        for (const QString &n : names)
            if (!n.isEmpty() && accept.contains(n)) {
                accepted.insert(n);
                return true;
            }
        return false;
    }
};

} // namespace uaip
