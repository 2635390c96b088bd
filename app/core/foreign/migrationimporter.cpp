#include "migrationimporter.h"

#include "importheader.h"
#include "migrate/migrationversion.h"
#include "sectionadjuster.h"
#include "sourcefilereader.h"
#include "typeormextractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace uaip {

namespace {

using Layout = ImportFormat::Layout;
using NoTransaction = ImportFormat::NoTransaction;

QString where(const QString &file, int line)
{
    return file + u':' + QString::number(line);
}

int lineAt(const QString &text, qsizetype pos)
{
    return int(QStringView(text).left(pos).count(u'\n')) + 1;
}

// Only blank lines and "--" comments: no SQL (an empty down section).
bool noStatements(const QString &sql)
{
    for (const QString &line : sql.split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1String("--")))
            return false;
    }
    return true;
}

// Our folder name: the tool's name with letters, digits, '_' and '-' kept, anything else '_'.
QString folderName(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += c.isLetterOrNumber() || c == u'_' || c == u'-' ? c : u'_';
    return out.isEmpty() ? QStringLiteral("migration") : out;
}

using Section = ImportedSection;

struct Found
{
    QString version; // ours: the tool's with '.' and '_' as '-'
    std::optional<MigrationVersion> parsed;
    QString name;
    QString upFile;
    QString downFile;
};

class Reader
{
public:
    Reader(const ImportFormat &format, const QString &sourceDir, const ImportOptions &options,
           ImportResult &result)
        : m_format(format)
        , m_options(options)
        , m_dir(sourceDir)
        , m_files(sourceDir)
        , m_result(result)
    { }

    void run();

private:
    void list();
    void convert(const Found &found);
    // convert()'s reading of one migration, per layout: its sections and the file named as
    // their source (TypeORM: also the version and name its class records); false when a
    // problem was noted
    bool readSections(const Found &found, Section &up, Section &down, QString &source);
    bool readFilePair(const Found &found, Section &up, Section &down, QString &source);
    bool readQueryCalls(const Found &found, QString &version, QString &name, Section &up,
                        Section &down, QString &source);
    bool readFolder(const Found &found, Section &up, Section &down, QString &source);
    bool splitSections(const QString &file, const QString &text, Section &up, Section &down);
    std::optional<Section> readFile(const QString &file);
    struct Conf
    {
        bool noTransaction = false; // executeInTransaction=false
        bool placeholders = true; // placeholderReplacement=false turns them off
    };
    Conf readConf(const QString &file);
    bool adjust(Section &s, const QString &file, bool isUp, bool placeholders);
    void byHand(const QString &file);
    void problem(const QString &file, int line, const QString &why)
    {
        m_result.problems << MigrationImporter::tr("%1: %2").arg(where(file, line), why);
    }

    const ImportFormat &m_format;
    const ImportOptions &m_options;
    QDir m_dir;
    SourceFileReader m_files;
    ImportResult &m_result;
    QList<Found> m_found;
};

void Reader::run()
{
    if (!m_dir.exists()) {
        m_result.problems << MigrationImporter::tr("%1: no such directory").arg(m_dir.path());
        return;
    }
    list();
    std::sort(m_found.begin(), m_found.end(), [](const Found &a, const Found &b) {
        return a.parsed && b.parsed ? *a.parsed < *b.parsed : a.version < b.version;
    });
    for (const Found &f : m_found)
        convert(f);
    // in the tool's order (TypeORM's versions come from its classes, not the file names), and
    // each version once
    auto versionOf = [](const ImportedMigration &m) {
        return MigrationVersion::parse(m.folder.section(u'_', 0, 0));
    };
    std::stable_sort(m_result.migrations.begin(), m_result.migrations.end(),
                     [&](const ImportedMigration &a, const ImportedMigration &b) {
                         const auto va = versionOf(a);
                         const auto vb = versionOf(b);
                         return va && vb && *va < *vb;
                     });
    // TypeORM allows two migrations of one timestamp (it matches its rows by name): a
    // sub-version keeps ours apart, in the order TypeORM sorts them (by timestamp, then as
    // loaded); another tool's files never share a version (list() refuses them)
    QString previous;
    QString previousSource;
    int again = 0;
    for (ImportedMigration &m : m_result.migrations) {
        const QString version = m.folder.section(u'_', 0, 0);
        if (version != previous || previous.isEmpty()) {
            again = 0;
        } else if (m_format.layout != Layout::QueryCalls) {
            problem(
                m.source, 1,
                MigrationImporter::tr("version %1 again (also %2)").arg(version, previousSource));
        } else {
            const QString sub = version + u'-' + QString::number(++again);
            m.folder = sub + m.folder.mid(version.size());
            QByteArray body;
            ImportHeader header = ImportHeader::parse(m.upSql, &body);
            header.notes << QStringLiteral("version %1: TypeORM records the timestamp %2 for %3 "
                                           "too; the sub-version keeps both, in TypeORM's order")
                                .arg(sub, version, previousSource);
            m.upSql = header.render() + body;
        }
        previous = version;
        previousSource = m.source;
    }
    if (m_found.isEmpty() && m_result.problems.isEmpty() && m_result.byHand.isEmpty())
        m_result.problems << MigrationImporter::tr("%1: no %2 migrations (%3)")
                                 .arg(m_dir.path(), m_format.displayName, m_format.layoutText);
}

void Reader::list()
{
    const QRegularExpression up(m_format.upPattern);
    const QRegularExpression down(m_format.downPattern.isEmpty() ? QStringLiteral("(?!)")
                                                                 : m_format.downPattern);
    const QRegularExpression refused(m_format.refusedPattern.isEmpty() ? QStringLiteral("(?!)")
                                                                       : m_format.refusedPattern);
    const QRegularExpression hand(m_format.byHandPattern.isEmpty() ? QStringLiteral("(?!)")
                                                                   : m_format.byHandPattern);
    const bool folders = m_format.layout == Layout::Folder;
    const QStringList names = m_dir.entryList(
        // System: a FIFO or device named like a migration is listed, and refused when read
        (folders ? QDir::Dirs : QDir::Files | QDir::System) | QDir::NoDotAndDotDot | QDir::Hidden,
        QDir::Name);
    for (const QString &name : names) {
        if (refused.match(name).hasMatch()) {
            problem(name, 1,
                    MigrationImporter::tr("a %1 migration: our engine has no repeatable "
                                          "migrations; fold it into a versioned one by hand")
                        .arg(m_format.refusedWhy));
            continue;
        }
        if (hand.match(name).hasMatch()) {
            byHand(name);
            continue;
        }
        QRegularExpressionMatch m = up.match(name);
        const bool isDown = !m.hasMatch() && (m = down.match(name)).hasMatch();
        if (!m.hasMatch()) {
            // a file the tool would run too (TypeORM loads every .js/.ts its glob finds):
            // never left out in silence
            static const QRegularExpression sql(QStringLiteral(R"(\.sql$)"),
                                                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpression candidate(
                m_format.candidatePattern.isEmpty() ? sql.pattern() : m_format.candidatePattern,
                QRegularExpression::CaseInsensitiveOption);
            if (!folders && candidate.match(name).hasMatch())
                problem(name, 1,
                        MigrationImporter::tr("not a %1 migration name (%2)")
                            .arg(m_format.displayName, m_format.layoutText));
            continue;
        }
        QString version = m.captured(1);
        if (m_format.digitsOnlyVersion)
            version.remove(u'-');
        version.replace(u'.', u'-').replace(u'_', u'-');
        QString error;
        const auto parsed = MigrationVersion::parse(version, &error);
        if (!parsed) {
            problem(name, 1, error);
            continue;
        }
        auto it = std::find_if(m_found.begin(), m_found.end(),
                               [&](const Found &f) { return f.parsed == parsed; });
        if (it == m_found.end()) {
            Found f;
            f.version = version;
            f.parsed = parsed;
            m_found << f;
            it = m_found.end() - 1;
        }
        QString &slot = isDown ? it->downFile : it->upFile;
        if (!slot.isEmpty()) {
            problem(name, 1,
                    MigrationImporter::tr("version %1 again (also %2)").arg(version, slot));
            continue;
        }
        slot = name;
        if (!isDown || it->name.isEmpty())
            it->name = m.captured(2);
    }
}

void Reader::byHand(const QString &file)
{
    QString problemText;
    const auto text = m_files.text(file, &problemText);
    int line = 1;
    if (text) {
        static const QRegularExpression up(
            QStringLiteral(R"((\bup\b\s*[=:(]|\bfunction\s+up\b|\basync\s+up\b))"));
        const QRegularExpressionMatch m = up.match(*text);
        if (m.hasMatch())
            line = lineAt(*text, m.capturedStart());
    }
    m_result.byHand << MigrationImporter::tr("%1: a JavaScript or TypeScript migration: convert "
                                             "by hand")
                           .arg(where(file, line));
}

Reader::Conf Reader::readConf(const QString &file)
{
    Conf out;
    const QString conf = file + QStringLiteral(".conf");
    if (m_format.noTransaction != NoTransaction::ConfFile || !m_dir.exists(conf))
        return out;
    QString problemText;
    const auto text = m_files.text(conf, &problemText);
    if (!text) {
        m_result.problems << problemText;
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

bool Reader::adjust(Section &s, const QString &file, bool isUp, bool placeholders)
{
    return SectionAdjuster::adjust(s, m_format, m_options, file, isUp, placeholders, m_result);
}

std::optional<Section> Reader::readFile(const QString &file)
{
    QString problemText;
    const auto text = m_files.text(file, &problemText);
    if (!text) {
        m_result.problems << problemText;
        return std::nullopt;
    }
    Section s;
    s.sql = *text;
    s.present = true;
    return s;
}

bool Reader::splitSections(const QString &file, const QString &text, Section &up, Section &down)
{
    const QRegularExpression upRe(m_format.upMarker, QRegularExpression::MultilineOption);
    const QRegularExpression downRe(m_format.downMarker, QRegularExpression::MultilineOption);
    const QRegularExpressionMatch u = upRe.match(text);
    const QRegularExpressionMatch d = downRe.match(text);
    if (!u.hasMatch() && !m_format.nodePgMigrateSlices) {
        problem(file, 1, MigrationImporter::tr("no up section (a line like \"-- migrate:up\")"));
        return false;
    }
    if (u.hasMatch() && d.hasMatch() && d.capturedStart() < u.capturedStart()
        && !m_format.nodePgMigrateSlices) {
        problem(file, lineAt(text, d.capturedStart()),
                MigrationImporter::tr("the down section comes before the up section"));
        return false;
    }
    // a marker's line, from its start to its newline; the section starts on the next line
    auto markerLine = [&](qsizetype start) {
        const qsizetype nl = text.indexOf(u'\n', start);
        return text.mid(start, nl < 0 ? -1 : nl - start);
    };
    auto afterLine = [&](qsizetype start) {
        const qsizetype nl = text.indexOf(u'\n', start);
        return nl < 0 ? text.size() : nl + 1;
    };
    // a section runs to the other marker when that follows it, else to the end; without an up
    // marker (node-pg-migrate) the whole file is the up migration, as the tool runs it
    const qsizetype upStart = u.hasMatch() ? afterLine(u.capturedStart()) : 0;
    const qsizetype upEnd = u.hasMatch() && d.hasMatch() && d.capturedStart() > u.capturedStart()
        ? d.capturedStart()
        : text.size();
    if (u.hasMatch() && !m_format.statementsBeforeUp) {
        const QStringList before = text.left(u.capturedStart()).split(u'\n');
        for (int i = 0; i < before.size(); ++i) {
            if (!noStatements(before[i])) {
                problem(file, i + 1, MigrationImporter::tr("statements before the up section"));
                return false;
            }
        }
    }
    auto options = [&](const QString &line) {
        return m_format.noTransaction == NoTransaction::MarkerOption
            && line.simplified().split(u' ').contains(QLatin1String("transaction:false"));
    };
    up.sql = text.mid(upStart, upEnd - upStart);
    up.present = true;
    up.firstLine = lineAt(text, upStart);
    up.noTransaction = u.hasMatch() && options(markerLine(u.capturedStart()));
    if (d.hasMatch()) {
        const qsizetype downStart = afterLine(d.capturedStart());
        const qsizetype downEnd = u.hasMatch() && u.capturedStart() > d.capturedStart()
            ? u.capturedStart()
            : text.size();
        down.sql = text.mid(downStart, downEnd - downStart);
        down.firstLine = lineAt(text, downStart);
        down.present = !noStatements(down.sql);
        down.noTransaction = options(markerLine(d.capturedStart()));
    }
    return true;
}

bool Reader::readSections(const Found &found, Section &up, Section &down, QString &source)
{
    source = found.upFile;
    QString problemText;
    const auto text = m_files.text(source, &problemText);
    if (!text) {
        m_result.problems << problemText;
        return false;
    }
    if (!splitSections(source, *text, up, down))
        return false;
    return adjust(up, source, true, true) && adjust(down, source, false, true);
}

bool Reader::readFilePair(const Found &found, Section &up, Section &down, QString &source)
{
    if (found.upFile.isEmpty()) {
        problem(found.downFile, 1,
                MigrationImporter::tr("a down migration without its up migration"));
        return false;
    }
    source = found.upFile;
    const auto u = readFile(found.upFile);
    if (!u)
        return false;
    up = *u;
    const Conf upConf = readConf(found.upFile);
    up.noTransaction = upConf.noTransaction;
    if (!adjust(up, found.upFile, true, upConf.placeholders))
        return false;
    if (!found.downFile.isEmpty()) {
        const auto d = readFile(found.downFile);
        if (!d)
            return false;
        down = *d;
        down.present = !noStatements(down.sql);
        const Conf downConf = readConf(found.downFile);
        down.noTransaction = downConf.noTransaction;
        if (!adjust(down, found.downFile, false, downConf.placeholders))
            return false;
    }
    return true;
}

bool Reader::readQueryCalls(const Found &found, QString &version, QString &name, Section &up,
                            Section &down, QString &source)
{
    source = found.upFile;
    QString problemText;
    const auto text = m_files.text(source, &problemText);
    if (!text) {
        m_result.problems << problemText;
        return false;
    }
    const TypeOrmExtractor::Result x = TypeOrmExtractor::extract(*text);
    if (!x.ok) {
        m_result.byHand
            << MigrationImporter::tr("%1: %2: convert by hand").arg(where(source, x.line), x.why);
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

bool Reader::readFolder(const Found &found, Section &up, Section &down, QString &source)
{
    const QString upFile = found.upFile + u'/' + m_format.upFileName;
    const QString downFile
        = m_format.downFileName.isEmpty() ? QString() : found.upFile + u'/' + m_format.downFileName;
    source = found.upFile;
    if (!m_dir.exists(upFile)) {
        problem(upFile, 1,
                MigrationImporter::tr("missing: the folder has no %1").arg(m_format.upFileName));
        return false;
    }
    const auto u = readFile(upFile);
    if (!u)
        return false;
    up = *u;
    if (!downFile.isEmpty() && m_dir.exists(downFile)) {
        const auto d = readFile(downFile);
        if (!d)
            return false;
        down = *d;
        down.present = !noStatements(down.sql);
    }
    const QString toml = found.upFile + QStringLiteral("/metadata.toml");
    if (m_format.noTransaction == NoTransaction::MetadataToml && m_dir.exists(toml)) {
        QString problemText;
        const auto text = m_files.text(toml, &problemText);
        if (!text) {
            m_result.problems << problemText;
            return false;
        }
        static const QRegularExpression off(
            QStringLiteral(R"((?m)^\s*run_in_transaction\s*=\s*false\s*(#.*)?$)"));
        up.noTransaction = down.noTransaction = off.match(*text).hasMatch();
    }
    return adjust(up, upFile, true, true) && adjust(down, downFile, false, true);
}

void Reader::convert(const Found &found)
{
    QString version = found.version;
    QString name = found.name;
    Section up;
    Section down;
    QString source;
    bool read = true;
    switch (m_format.layout) {
    case Layout::Sections:
        read = readSections(found, up, down, source);
        break;
    case Layout::FilePair:
        read = readFilePair(found, up, down, source);
        break;
    case Layout::QueryCalls:
        read = readQueryCalls(found, version, name, up, down, source);
        break;
    case Layout::Folder:
        read = readFolder(found, up, down, source);
        break;
    }
    if (!read)
        return;
    const QString folder = version + u'_' + folderName(name);
    auto header = [&](const Section &s, const QString &file) {
        ImportHeader h;
        h.toolName = m_format.displayName;
        h.file = file;
        h.noTransaction = s.noTransaction;
        h.notes = s.notes;
        return h.render() + s.sql.toUtf8();
    };
    ImportedMigration m;
    m.folder = folder;
    m.source = source;
    m.noTransaction = up.noTransaction;
    m.ownTransactionRemoved = up.ownTransactionRemoved || down.ownTransactionRemoved;
    m.upSql = header(up, m_format.layout == Layout::FilePair ? found.upFile : source);
    if (down.present) {
        m.downSql = header(down, m_format.layout == Layout::FilePair ? found.downFile : source);
    } else {
        m.downSql = MigrationImporter::refusingDown(m_format.displayName, source);
        m.downGenerated = true;
    }
    m_result.migrations << m;
}

} // namespace

ImportResult MigrationImporter::read(const ImportFormat &format, const QString &sourceDir,
                                     const ImportOptions &options)
{
    ImportResult result;
    result.toolName = format.displayName;
    Reader(format, sourceDir, options, result).run();
    return result;
}

QByteArray MigrationImporter::refusingDown(const QString &toolName, const QString &source)
{
    QString message = QStringLiteral("%1 has no down migration in %2: write this down.sql by "
                                     "hand (written by uaip-migrate import-migrations)")
                          .arg(source, toolName);
    message.replace(u'\'', QStringLiteral("''"));
    QString tag = QStringLiteral("$uaip_import$");
    for (int i = 1; message.contains(tag); ++i)
        tag = QStringLiteral("$uaip_import%1$").arg(i);
    const QString text
        = QStringLiteral("-- REVIEW: written by uaip-migrate import-migrations: %1's %2 has no "
                         "down migration.\n"
                         "-- This down.sql refuses to run: write the rollback by hand and remove "
                         "this header.\n"
                         "DO %3\nBEGIN\n    RAISE EXCEPTION '%', '%4';\nEND\n%3;\n")
              .arg(toolName, ImportHeader::oneLine(source), tag, message);
    return text.toUtf8();
}

} // namespace uaip
