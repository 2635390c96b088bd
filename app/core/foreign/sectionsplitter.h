#pragma once

#include "importedsection.h"
#include "ledger/importformat.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace uaip {

// One file of a tool that keeps a migration's up and down in sections between markers (dbmate's
// "-- migrate:up", node-pg-migrate's "-- Up Migration"): the sections, each with the file's
// line it starts on and whether its marker turns the transaction off (dbmate's
// transaction:false). A file without an up marker is the up section for node-pg-migrate, an
// error for dbmate; statements before the up marker are an error where the tool refuses them.
class SectionSplitter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationImporter)

public:
    // False (and "file:line: why" added to problems) when the file cannot be split.
    static bool split(const ImportFormat &format, const QString &file, const QString &text,
                      ImportedSection &up, ImportedSection &down, QStringList *problems);
    // Only blank lines and "--" comments: no SQL (an empty down section).
    static bool noStatements(const QString &sql);
    // A down that was never written: blank, or only the comment lines of the tool's template
    // (ImportFormat::downTemplate). One with other comments is the project's no-op, written on
    // purpose.
    static bool unwritten(const QString &sql, const ImportFormat &format);
};

} // namespace uaip
