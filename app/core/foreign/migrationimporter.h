#pragma once

#include "importoptions.h"
#include "importresult.h"
#include "ledger/importformat.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// Converts another tool's migration files (ImportFormat) into our VERSION_name/{up,down}.sql,
// keeping the tool's version and name so that `adopt` matches them to the tool's history. The
// SQL is kept byte for byte (CRLF and all; a UTF-8 BOM dropped); up.sql gets a header naming
// its source, and our -- uaip:no-transaction where the tool ran it outside a transaction (its
// .conf or marker says so, or, for a tool that runs files as they are, a statement in it only
// runs outside one: OwnTransaction); Flyway's placeholders are replaced (FlywayPlaceholders),
// and a golang-migrate file's own BEGIN; ... COMMIT; removed, each noted in the header. A
// migration without a down (none, an empty one, the tool's template) gets a down.sql that raises
// an exception naming the file, marked for review (RefusingDown); a down of comments only is the
// project's no-op, kept (SectionAdjuster), and one that does not parse is kept with a warning
// (ImportResult::warnings). Reads only; ImportWriter writes.
class MigrationImporter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationImporter)

public:
    static ImportResult read(const ImportFormat &format, const QString &sourceDir,
                             const ImportOptions &options = {});
};

} // namespace uaip
