#pragma once

#include "schema/schemasnapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// Result of MigrationVerifier: per-migration round-trip problems and drift of the target.
struct VerifyReport
{
    struct RoundTrip
    {
        QString migration; // id
        bool ok = true;
        QString error; // the migration itself failed on a fresh database
        QList<SchemaSnapshot::Difference> differences; // after up+down vs before up
    };
    QList<RoundTrip> roundTrips;
    QString targetLevel; // version the target is at ("" = nothing applied)
    bool targetChecked = false;
    QList<SchemaSnapshot::Difference> drift; // expected (migrations) -> actual (target)
    // Why the drift check cannot be trusted: applied migrations of the target without a
    // folder (their SQL is not among the migrations, so what they did is not expected).
    QStringList targetProblems;
    // Other tools' history tables of the target, left out of the drift (one line each).
    QStringList leftOut;
    // Fresh scratch databases made after failed round trips (the migrations replayed up to the
    // one whose round trip left the database in no known state).
    int rebuilds = 0;

    bool ok() const
    {
        for (const RoundTrip &r : roundTrips)
            if (!r.ok)
                return false;
        return drift.isEmpty() && targetProblems.isEmpty();
    }
};

} // namespace uaip
