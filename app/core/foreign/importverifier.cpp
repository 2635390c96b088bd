#include "importverifier.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "foreignledgerreader.h"
#include "ledger/ledger.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"

namespace uaip {

namespace {

// Whether a difference is about one of these tables (its columns, constraints, indexes on it and
// serial sequences: "<table>_...") or the ledger's schema.
bool leftOut(const SchemaSnapshot::Difference &d, const QStringList &tables)
{
    const QString ledger = QString::fromLatin1(Ledger::kSchema);
    if (d.object.endsWith(u' ' + ledger) || d.object.contains(u' ' + ledger + u'.'))
        return true;
    for (const QString &t : tables)
        if (d.object.endsWith(u' ' + t) || d.object.contains(u' ' + t + u'.')
            || ((d.object.startsWith(QLatin1String("index "))
                 || d.object.startsWith(QLatin1String("sequence ")))
                && d.object.contains(u' ' + t + u'_'))
            // an index of another name on the table (TypeORM's "PK_<hash>")
            || (d.object.startsWith(QLatin1String("index "))
                && (d.before + d.after).contains(QStringLiteral(" ON ") + t + u' ')))
            return true;
    return false;
}

} // namespace

Result<QList<SchemaSnapshot::Difference>> ImportVerifier::verify(Sandbox &sandbox,
                                                                 const QList<Migration> &migrations,
                                                                 PgConnection &source,
                                                                 const QString &table)
{
    const auto foreign = ForeignLedgerReader(source).read({}, table);
    if (!foreign)
        return foreign.error();
    QStringList tables;
    for (const ForeignLedger &l : foreign.value())
        tables << l.qualifiedName();
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
    const auto actual = SchemaSnapshot::take(source);
    if (!actual)
        return actual.error();
    QList<SchemaSnapshot::Difference> out;
    for (const SchemaSnapshot::Difference &d : built->diff(*actual))
        if (!leftOut(d, tables))
            out << d;
    return out;
}

} // namespace uaip
