#pragma once

#include "importedsection.h"
#include "importoptions.h"
#include "importresult.h"
#include "ledger/importformat.h"

#include <QCoreApplication>

namespace uaip {

struct ForeignTool;

// A migration's SQL made what the tool ran (MigrationImporter, after reading it): Flyway's
// placeholders replaced (FlywayPlaceholders), a file's own BEGIN; ... COMMIT; pairs removed,
// and a file of a tool that runs files as they are marked no-transaction when a statement in it
// only runs outside a transaction (OwnTransaction); where an up section changed, the tool's
// checksum of the file it ran is kept in the header. Each change noted in the section's notes.
// A statement that changes the tool's own history table (ToolTableStatements) is convert by
// hand.
class SectionAdjuster
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SectionAdjuster)

public:
    // False when the migration cannot be converted: a problem or a by-hand entry was added to
    // result. placeholders: the file's .conf did not turn Flyway's replacement off.
    static bool adjust(ImportedSection &s, const ImportFormat &format, const ImportOptions &options,
                       const QString &file, bool isUp, bool placeholders, ImportResult &result);

private:
    // An up section after the changes: SELECT 1; where it has no statement, and the tool's
    // checksum of the file it ran where the section changed.
    static void finishUp(ImportedSection &s, const ImportFormat &format, const ForeignTool *tool,
                         const QByteArray &asTheToolRanIt);
    // A down section after the changes: one that does not parse is kept, with a warning naming
    // file:line:col in result.warnings and a note; one without a statement (comments only) is
    // the project's no-op, SELECT 1; added (s.noOp).
    static void checkDown(ImportedSection &s, const QString &file, ImportResult &result);
    // False (each statement listed to convert by hand) when s changes the tool's own table.
    static bool toolTableUntouched(const ImportedSection &s, const ImportFormat &format,
                                   const ForeignTool *tool, const ImportOptions &options,
                                   const QString &file, ImportResult &result);
};

} // namespace uaip
