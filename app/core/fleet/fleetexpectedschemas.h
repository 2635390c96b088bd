#pragma once

#include "error/result.h"
#include "ledger/migration.h"
#include "schema/schemasnapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <optional>

namespace uaip {

// fleet drift: the schema each applied level makes on each major version, built once per
// distinct level and major on a scratch database of the sandbox of that major
// (Sandbox::forMajor: never compared across majors), as verify builds it, and shared by every
// target at that level of that major. Thread-safe: the first worker asking builds it, the others
// wait.
class FleetExpectedSchemas
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FleetExpectedSchemas)

public:
    // sandboxBase: the sandbox folder whose sandbox of each major is used (Sandbox::rootFor).
    FleetExpectedSchemas(QString sandboxBase, QList<Migration> migrations);

    // level "" = nothing applied; major: the target's major version (0: the default sandbox's).
    Result<SchemaSnapshot> at(const QString &level, int major);
    int built() const;

private:
    Result<SchemaSnapshot> build(const QString &level, int major);

    QString m_sandboxBase;
    QList<Migration> m_migrations;
    mutable QMutex m_mutex;
    QHash<QString, SchemaSnapshot> m_snapshots;
    QHash<QString, Error> m_errors;
};

} // namespace uaip
