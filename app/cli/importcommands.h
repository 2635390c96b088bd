#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace uaip {

class CliContext;
struct ImportFormat;
struct ImportResult;
struct ImportedMigration;

// import-migrations --from TOOL SRC --out DIR [--force] [--verify]: another tool's migration
// files converted into our VERSION_name/{up,down}.sql (MigrationImporter, ImportWriter), proved
// on a sandbox against the source database with --verify (ImportVerifier).
class ImportCommands
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportCommands)

public:
    static int importMigrations(CliContext &ctx);

private:
    struct Request;
    // The command line checked into *request: 0, or the exit code of the refusal (reported).
    static int readRequest(CliContext &ctx, Request *request);
    // Files that cannot be converted, or are to convert by hand: reported, exit 3.
    static int refuseUnconverted(CliContext &ctx, const ImportResult &result,
                                 const QString &sourceDir, QJsonObject doc);
    static void generateDowns(CliContext &ctx, const ImportFormat &format,
                              QList<ImportedMigration> *converted, QStringList *downNotes);
    static void reportWritten(CliContext &ctx, const Request &request, const ImportResult &result,
                              const QList<ImportedMigration> &converted,
                              const QStringList &downNotes, QJsonObject *doc);
    // --verify: 0 the same schema, 3 differences (both into *doc), 2 it could not run (reported).
    static int verify(CliContext &ctx, const QString &outDir, QJsonObject *doc);
};

} // namespace uaip
