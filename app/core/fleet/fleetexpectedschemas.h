#pragma once

#include "error/result.h"
#include "ledger/migration.h"
#include "schema/schemasnapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <optional>

namespace uaip {

class Sandbox;

// fleet drift: the schema each applied level makes, built once per distinct level on a
// scratch database of the sandbox (as verify builds it) and shared by every target at that
// level. Thread-safe: the first worker asking for a level builds it, the others wait.
class FleetExpectedSchemas
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FleetExpectedSchemas)

public:
    FleetExpectedSchemas(Sandbox &sandbox, QList<Migration> migrations);

    // level "" = nothing applied.
    Result<SchemaSnapshot> at(const QString &level);
    int built() const;

private:
    Result<SchemaSnapshot> build(const QString &level);

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    mutable QMutex m_mutex;
    QHash<QString, SchemaSnapshot> m_snapshots;
    QHash<QString, Error> m_errors;
};

} // namespace uaip
