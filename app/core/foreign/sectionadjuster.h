#pragma once

#include "importedsection.h"
#include "importformat.h"
#include "importoptions.h"
#include "importresult.h"

#include <QCoreApplication>

namespace uaip {

// A migration's SQL made what the tool ran (MigrationImporter, after reading it): Flyway's
// placeholders replaced (FlywayPlaceholders; the file's checksum kept in the header), a
// golang-migrate file's own BEGIN; ... COMMIT; removed, and a file of a tool that runs files as
// they are marked no-transaction when a statement in it only runs outside a transaction
// (OwnTransaction). Each change noted in the section's notes.
class SectionAdjuster
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SectionAdjuster)

public:
    // False when the migration cannot be converted: a problem or a by-hand entry was added to
    // result. placeholders: the file's .conf did not turn Flyway's replacement off.
    static bool adjust(ImportedSection &s, const ImportFormat &format, const ImportOptions &options,
                       const QString &file, bool isUp, bool placeholders, ImportResult &result);
};

} // namespace uaip
