#pragma once

#include <QCommandLineOption>
#include <QList>

namespace uaip {

// uaip-migrate's options, in the order --help lists them; their descriptions are translated in
// CliApplication's context.

// The program's own options and those of the migration commands.
QList<QCommandLineOption> globalAndMigrationOptions();
// The options of seed, sql/explain, import-migrations/adopt and metrics.
QList<QCommandLineOption> dataAndImportOptions();
// The options of prompts, activity and fleet.
QList<QCommandLineOption> promptAndActivityOptions();

} // namespace uaip
