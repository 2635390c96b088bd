#pragma once

#include "importedsection.h"
#include "importoptions.h"
#include "importresult.h"
#include "ledger/importformat.h"

#include <QCoreApplication>
#include <QDir>
#include <QString>

#include <optional>

namespace uaip {

class SourceFileReader;

// One migration's files read for MigrationImporter, per its format's layout (a file of
// sections, a file pair, a TypeORM class's query calls, a folder): its up and down sections,
// made what the tool ran (SectionAdjuster), and the file named as their source. Whether the
// tool ran it outside a transaction comes from its .conf (Flyway), metadata.toml or the file's
// own first line (sqlx's -- no-transaction). Every file is read through the source directory's
// SourceFileReader; what cannot be read or converted is noted in the result (a problem, or a
// file to convert by hand) instead.
class ImportSectionReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ImportSectionReader)

public:
    ImportSectionReader(const ImportFormat &format, const ImportOptions &options, const QDir &dir,
                        const SourceFileReader &files, ImportResult &result);

    // The migration listed as upFile (and downFile, for a file pair; a folder for the folder
    // layout): its sections and the file named as their source; TypeORM also replaces version
    // and name with the ones its class records. False when a problem was noted.
    bool read(const QString &upFile, const QString &downFile, QString &version, QString &name,
              ImportedSection &up, ImportedSection &down, QString &source);

private:
    bool readSections(const QString &upFile, ImportedSection &up, ImportedSection &down,
                      QString &source);
    bool readFilePair(const QString &upFile, const QString &downFile, ImportedSection &up,
                      ImportedSection &down, QString &source);
    bool readQueryCalls(const QString &upFile, QString &version, QString &name, ImportedSection &up,
                        ImportedSection &down, QString &source);
    bool readFolder(const QString &folder, ImportedSection &up, ImportedSection &down,
                    QString &source);
    std::optional<ImportedSection> readFile(const QString &file);
    // Whether relative is there: a symbolic link counts as it is, not followed (a link out of
    // the source directory is then refused by name when read, whether its target exists or not).
    bool present(const QString &relative) const;
    // How the tool runs a file: its .conf (Flyway), or the file's first line (sqlx).
    struct Conf
    {
        bool noTransaction = false; // executeInTransaction=false, sqlx's -- no-transaction
        bool placeholders = true; // placeholderReplacement=false turns them off
    };
    Conf readConf(const QString &file);
    bool adjust(ImportedSection &s, const QString &file, bool isUp, bool placeholders);
    void problem(const QString &file, int line, const QString &why);

    const ImportFormat &m_format;
    const ImportOptions &m_options;
    const QDir &m_dir;
    const SourceFileReader &m_files;
    ImportResult &m_result;
};

} // namespace uaip
