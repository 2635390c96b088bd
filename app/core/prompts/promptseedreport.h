#pragma once

#include "error/error.h"
#include "seedaction.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// The result of PromptSeeder::run: the action per entry, and whether it was written.
struct PromptSeedReport
{
    enum class Outcome {
        Ok,
        BadInput, // the seed file has problems: nothing written
        Failed, // the database refused a statement: rolled back, nothing written
        NeedsConfirmation, // a new version would move a protected "production": nothing written
    };
    Outcome outcome = Outcome::Ok;
    QString message; // what went wrong (file problems one per line)
    Error error; // Failed: its code, the server's error where the server spoke (42P01: no table)
    QString file; // display name of the seed file
    bool dryRun = false;
    bool update = false;
    QList<SeedAction> actions;
    QStringList protectedMoves; // prompt ids whose protected "production" the run moves

    bool ok() const { return outcome == Outcome::Ok; }
    int count(const QString &entity, SeedAction::Kind kind) const
    {
        int n = 0;
        for (const SeedAction &a : actions)
            n += a.entity == entity && a.kind == kind;
        return n;
    }
    int writes() const
    {
        int n = 0;
        for (const SeedAction &a : actions)
            n += a.writes();
        return n;
    }
};

} // namespace uaip
