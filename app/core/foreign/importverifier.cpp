#include "importverifier.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "foreignhistorytables.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"

namespace uaip {

Result<QList<SchemaSnapshot::Difference>> ImportVerifier::verify(Sandbox &sandbox,
                                                                 const QList<Migration> &migrations,
                                                                 PgConnection &source,
                                                                 const QString &table)
{
    auto toolTables = ForeignHistoryTables::read(source, table);
    if (!toolTables)
        return toolTables.error();
    SandboxLease lease(sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired.error();
    ScratchDatabase scratch(sandbox, QStringLiteral("uaip_import"));
    if (const Status opened = scratch.open(migrations); !opened)
        return opened.error();
    const RunResult up = scratch.runner().up();
    if (!up.ok())
        return Error(ErrorCode::Server,
                     tr("the converted migrations failed on a sandbox database: %1")
                         .arg(up.message
                              + (up.problems.isEmpty() ? QString()
                                                       : QStringLiteral("\n  ")
                                         + up.problems.join(QStringLiteral("\n  ")))));
    const auto built = SchemaSnapshot::take(scratch.connection());
    if (!built)
        return built.error();
    const auto actual = toolTables->snapshot(source, &built.value());
    if (!actual)
        return actual.error();
    return built->diff(*actual);
}

} // namespace uaip
