#pragma once

#include "error/error.h"

#include <QString>

namespace uaip {

// What 'seed initial' did; zero counts on a second run.
struct InitialSeedReport
{
    enum class Outcome {
        Ok,
        BadInput, // unacceptable password: nothing written
        Failed, // a statement failed: rolled back, nothing written
    };
    Outcome outcome = Outcome::Ok;
    QString message;
    Error error; // BadInput or Failed: its code, the server's error where the server spoke
    bool organizationCreated = false;
    QString organizationId;
    int permissionsInserted = 0;
    int rolesInserted = 0;
    int grantsInserted = 0;
    bool adminCreated = false; // false: a user with the admin e-mail existed (password untouched)
    QString adminEmail;
    QString adminId;
    int membershipsInserted = 0;

    bool ok() const { return outcome == Outcome::Ok; }
    bool changedAnything() const
    {
        return organizationCreated || adminCreated || permissionsInserted || rolesInserted
            || grantsInserted || membershipsInserted;
    }
};

} // namespace uaip
