#pragma once

#include "generatedscript.h"
#include "schema/schemasnapshot.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace uaip {

// A migration generated from drift (DriftMigrationBuilder): the live database's difference
// from what the migrations make, the up.sql and down.sql that close it, and how the pair
// was proved on a sandbox.
struct DriftMigration
{
    QString targetLevel; // version the live database is at ("" = nothing applied)
    QString folderName; // VERSION_name
    QList<SchemaSnapshot::Difference> drift; // migrations -> live database
    GeneratedScript up;
    GeneratedScript down;
    QByteArray upSql; // the files, as proved
    QByteArray downSql;
    // Differences from the live schema left after up.sql on the sandbox: each one belongs to
    // an object the generator left as it is on purpose (a held-back step, a note).
    QList<SchemaSnapshot::Difference> leftAfterUp;

    bool hasDrift() const { return !drift.isEmpty(); }
};

} // namespace uaip
