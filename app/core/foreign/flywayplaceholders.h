#pragma once

#include "importoptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// Flyway's placeholder replacement (PlaceholderReplacingReader) in a versioned migration: every
// ${name} in the file, comments and strings included, replaced by its value; names match
// case-insensitively; a '$' that ends a "$x" pair does not start one ("$${a}" is kept, as
// Flyway reads two characters at a time). Values: --placeholder NAME=VALUE, else Flyway's
// defaults where they do not need Flyway's connection:
//   flyway:filename          the file's name
//   flyway:table             the history table (--table, else flyway_schema_history)
//   flyway:timestamp         now, yyyy-MM-dd HH:mm:ss (Flyway: when it parses the script)
//   flyway:workingDirectory  the current directory (Flyway: user.dir)
//   flyway:environment       default
// flyway:defaultSchema, flyway:user and flyway:database come from Flyway's connection: they,
// and any other name without a value, are refused with file:line (Flyway refuses them too).
class FlywayPlaceholders
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FlywayPlaceholders)

public:
    // The text with every placeholder replaced, or nullopt with *problems ("file:line: why").
    // *used: the names replaced, in order of first use.
    static std::optional<QString> replace(const QString &text, const QString &file,
                                          const ImportOptions &options, QStringList *problems,
                                          QStringList *used);
};

} // namespace uaip
