#include "importsectionreader.h"

#include "sectionadjuster.h"
#include "sectionsplitter.h"
#include "sourcefilereader.h"
#include "sourceline.h"
#include "typeormextractor.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace uaip {

namespace {

using Layout = ImportFormat::Layout;
using NoTransaction = ImportFormat::NoTransaction;

} // namespace

ImportSectionReader::ImportSectionReader(const ImportFormat &format, const ImportOptions &options,
                                         const QDir &dir, const SourceFileReader &files,
                                         ImportResult &result)
    : m_format(format)
    , m_options(options)
    , m_dir(dir)
    , m_files(files)
    , m_result(result)
{ }

bool ImportSectionReader::read(const QString &upFile, const QString &downFile, QString &version,
                               QString &name, ImportedSection &up, ImportedSection &down,
                               QString &source)
{
    switch (m_format.layout) {
    case Layout::Sections:
        return readSections(upFile, up, down, source);
    case Layout::FilePair:
        return readFilePair(upFile, downFile, up, down, source);
    case Layout::QueryCalls:
        return readQueryCalls(upFile, version, name, up, down, source);
    case Layout::Folder:
        return readFolder(upFile, up, down, source);
    }
    return true;
}

bool ImportSectionReader::readSections(const QString &upFile, ImportedSection &up,
                                       ImportedSection &down, QString &source)
{
    source = upFile;
    const auto text = m_files.text(source);
    if (!text) {
        m_result.problems << text.error().toString();
        return false;
    }
    if (!SectionSplitter::split(m_format, source, *text, up, down, &m_result.problems))
        return false;
    const bool upAdjusted = adjust(up, source, true, true);
    return adjust(down, source, false, true) && upAdjusted;
}

bool ImportSectionReader::readFilePair(const QString &upFile, const QString &downFile,
                                       ImportedSection &up, ImportedSection &down, QString &source)
{
    if (upFile.isEmpty()) {
        problem(downFile, 1, tr("a down migration without its up migration"));
        return false;
    }
    source = upFile;
    const auto u = readFile(upFile);
    if (!u)
        return false;
    up = *u;
    const Conf upConf = readConf(upFile);
    up.noTransaction = upConf.noTransaction;
    // the down file is checked too: every place to convert by hand is listed at once
    bool adjusted = adjust(up, upFile, true, upConf.placeholders);
    if (!downFile.isEmpty()) {
        const auto d = readFile(downFile);
        if (!d)
            return false;
        down = *d;
        down.present = !SectionSplitter::unwritten(down.sql, m_format);
        const Conf downConf = readConf(downFile);
        down.noTransaction = downConf.noTransaction;
        adjusted = adjust(down, downFile, false, downConf.placeholders) && adjusted;
    }
    return adjusted;
}

bool ImportSectionReader::readQueryCalls(const QString &upFile, QString &version, QString &name,
                                         ImportedSection &up, ImportedSection &down,
                                         QString &source)
{
    source = upFile;
    const auto text = m_files.text(source);
    if (!text) {
        m_result.problems << text.error().toString();
        return false;
    }
    const TypeOrmExtractor::Migration x = TypeOrmExtractor::extract(*text);
    if (!x.ok) {
        m_result.byHand
            << tr("%1: %2: convert by hand").arg(SourceLine::where(source, x.line), x.why);
        return false;
    }
    // the migration as TypeORM's table records it (its name property or class name, the
    // timestamp from that name's end): version and name, whatever the file is called
    version = x.timestamp;
    name = x.name.endsWith(x.timestamp) && x.name.size() > x.timestamp.size()
        ? x.name.chopped(x.timestamp.size())
        : x.name;
    up.sql = x.up;
    up.present = true;
    down.sql = x.down;
    down.present = x.hasDown;
    return true;
}

bool ImportSectionReader::readFolder(const QString &folder, ImportedSection &up,
                                     ImportedSection &down, QString &source)
{
    const QString upFile = folder + u'/' + m_format.upFileName;
    const QString downFile
        = m_format.downFileName.isEmpty() ? QString() : folder + u'/' + m_format.downFileName;
    source = folder;
    if (!m_files.linkOut(folder).isEmpty()) {
        // the folder became a link out after it was listed: nothing of it is listed or read
        problem(folder, 1,
                tr("a symbolic link that leads outside the source "
                   "directory: not read"));
        return false;
    }
    if (!present(upFile)) {
        const QStringList holds
            = QDir(m_dir.filePath(folder)).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        problem(upFile, 1,
                holds.isEmpty()
                    ? tr("missing: the folder has no %1 (it is empty)").arg(m_format.upFileName)
                    : tr("missing: the folder has no %1, only %2 (leave "
                         "such folders out with --exclude '%3')")
                          .arg(m_format.upFileName, holds.join(QStringLiteral(", ")), folder));
        return false;
    }
    const auto u = readFile(upFile);
    if (!u)
        return false;
    up = *u;
    if (!downFile.isEmpty() && present(downFile)) {
        const auto d = readFile(downFile);
        if (!d)
            return false;
        down = *d;
        down.present = !SectionSplitter::unwritten(down.sql, m_format);
    }
    const QString toml = folder + QStringLiteral("/metadata.toml");
    if (m_format.noTransaction == NoTransaction::MetadataToml && present(toml)) {
        const auto text = m_files.text(toml);
        if (!text) {
            m_result.problems << text.error().toString();
            return false;
        }
        static const QRegularExpression off(
            QStringLiteral(R"((?m)^\s*run_in_transaction\s*=\s*false\s*(#.*)?$)"));
        up.noTransaction = down.noTransaction = off.match(*text).hasMatch();
    }
    return adjust(up, upFile, true, true) && adjust(down, downFile, false, true);
}

bool ImportSectionReader::present(const QString &relative) const
{
    const QFileInfo info(m_dir.filePath(relative));
    return info.isSymLink() || info.exists();
}

void ImportSectionReader::problem(const QString &file, int line, const QString &why)
{
    m_result.problems << tr("%1: %2").arg(SourceLine::where(file, line), why);
}

ImportSectionReader::Conf ImportSectionReader::readConf(const QString &file)
{
    Conf out;
    if (m_format.noTransaction == NoTransaction::LeadingComment) {
        // sqlx: the file's own first bytes (read before, so a failure here was reported there)
        const auto bytes = m_files.bytes(file);
        out.noTransaction = bytes && bytes->startsWith(m_format.noTransactionComment);
        return out;
    }
    const QString conf = file + QStringLiteral(".conf");
    if (m_format.noTransaction != NoTransaction::ConfFile || !present(conf))
        return out;
    const auto text = m_files.text(conf);
    if (!text) {
        m_result.problems << text.error().toString();
        return out;
    }
    static const QRegularExpression off(
        QStringLiteral(R"((?im)^\s*executeInTransaction\s*=\s*false\s*$)"));
    static const QRegularExpression noPlaceholders(
        QStringLiteral(R"((?im)^\s*placeholderReplacement\s*=\s*false\s*$)"));
    out.noTransaction = off.match(*text).hasMatch();
    out.placeholders = !noPlaceholders.match(*text).hasMatch();
    return out;
}

bool ImportSectionReader::adjust(ImportedSection &s, const QString &file, bool isUp,
                                 bool placeholders)
{
    return SectionAdjuster::adjust(s, m_format, m_options, file, isUp, placeholders, m_result);
}

std::optional<ImportedSection> ImportSectionReader::readFile(const QString &file)
{
    const auto text = m_files.text(file);
    if (!text) {
        m_result.problems << text.error().toString();
        return std::nullopt;
    }
    ImportedSection s;
    s.sql = *text;
    s.present = true;
    return s;
}

} // namespace uaip
