#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// One side (up or down) of a migration as MigrationImporter reads it from the tool's files.
struct ImportedSection
{
    QString sql;
    bool present = false;
    bool noTransaction = false;
    QStringList notes; // for the header: what the import changed or found, one line each
    bool ownTransactionRemoved = false; // its own BEGIN; ... COMMIT; blanked
    int firstLine = 1; // the file's line sql starts on (a section after its marker line)
    // a down without a statement that the project wrote on purpose (comments only, "-- do
    // nothing"): kept, with SELECT 1; added so that it runs
    bool noOp = false;
};

} // namespace uaip
