#pragma once

#include <QCoreApplication>

namespace uaip {

class CliContext;

// import-migrations --from TOOL SRC --out DIR [--force] [--verify]: another tool's migration
// files converted into our VERSION_name/{up,down}.sql (MigrationImporter, ImportWriter), proved
// on a sandbox against the source database with --verify (ImportVerifier).
class ImportCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportCommands)

public:
    static int importMigrations(CliContext &ctx);
};

} // namespace uaip
