#pragma once

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
    std::optional<SchemaSnapshot> at(const QString &level, QString *error);
    int built() const;

private:
    std::optional<SchemaSnapshot> build(const QString &level, QString *error);

    Sandbox &m_sandbox;
    QList<Migration> m_migrations;
    mutable QMutex m_mutex;
    QHash<QString, std::optional<SchemaSnapshot>> m_snapshots;
    QHash<QString, QString> m_errors;
};

} // namespace uaip
