#include "migrationimporter.h"

#include "flywayjavamigrations.h"
#include "flywayrepeatables.h"
#include "importheader.h"
#include "importsectionreader.h"
#include "ledger/migrationversion.h"
#include "nestedmigrationfiles.h"
#include "refusingdown.h"
#include "sourcefilereader.h"
#include "sourceline.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>
#include <dirent.h>
#include <optional>

namespace uaip {

namespace {

using Layout = ImportFormat::Layout;

// Our folder name: the tool's name with letters, digits, '_' and '-' kept, anything else '_'.
QString folderName(const QString &name)
{
    QString out;
    for (const QChar c : name)
        out += c.isLetterOrNumber() || c == u'_' || c == u'-' ? c : u'_';
    return out.isEmpty() ? QStringLiteral("migration") : out;
}

using Section = ImportedSection;

// The names in dir that are not UTF-8 (QDir lists them with U+FFFD in place of what it cannot
// decode, a name no file has), each escaped: bytes outside printable ASCII as \xHH.
QStringList notUtf8Names(const QString &dir)
{
    QStringList out;
    DIR *d = ::opendir(QFile::encodeName(dir).constData());
    if (!d)
        return out;
    while (const dirent *e = ::readdir(d)) {
        const QByteArray name(e->d_name);
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)QString(utf8(name));
        if (!utf8.hasError())
            continue;
        QString escaped;
        for (const char c : name) {
            const auto b = static_cast<unsigned char>(c);
            escaped += b >= 0x20 && b < 0x7f
                ? QString(QChar(b))
                : QStringLiteral("\\x%1").arg(uint(b), 2, 16, QChar(u'0'));
        }
        out << escaped;
    }
    ::closedir(d);
    out.sort();
    return out;
}

struct Found
{
    QString version; // ours: the tool's with '.' and '_' as '-'
    std::optional<MigrationVersion> parsed;
    QString name;
    QString upFile;
    QString downFile;
    bool repeatable = false; // Flyway's R__ file
    int java = -1; // a Flyway Java migration: its index in Reader::m_java
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
        , m_sections(format, options, m_dir, m_files, result)
    { }

    void run();

private:
    void list();
    // Flyway's Java migrations under --java DIR (FlywayJavaMigrations), each a version's stub
    void listJava();
    // The source directory's folders (folders) or files, a symbolic link named like what is read
    // (read, or a .sql file) that leads outside it, unless excluded, noted as a problem instead.
    QStringList listNames(bool folders, const QList<QRegularExpression> &read,
                          const QList<QRegularExpression> &excluded);
    void add(const QString &name, const QRegularExpressionMatch &m, bool isDown);
    void convert(const Found &found);
    // Flyway's repeatables, after the versioned migrations (the last of which is version last)
    void addRepeatables(const QString &last);
    void byHand(const QString &file);
    void problem(const QString &file, int line, const QString &why)
    {
        m_result.problems << MigrationImporter::tr("%1: %2").arg(SourceLine::where(file, line),
                                                                 why);
    }

    const ImportFormat &m_format;
    const ImportOptions &m_options;
    QDir m_dir;
    SourceFileReader m_files;
    ImportResult &m_result;
    ImportSectionReader m_sections;
    QList<Found> m_found;
    QList<std::pair<QString, QString>> m_repeatables; // file, description
    QList<FlywayJavaMigrations::Class> m_java;
};

void Reader::run()
{
    if (!m_dir.exists()) {
        m_result.problems << MigrationImporter::tr("%1: no such directory").arg(m_dir.path());
        return;
    }
    list();
    listJava();
    std::sort(m_found.begin(), m_found.end(), [](const Found &a, const Found &b) {
        return a.parsed && b.parsed ? *a.parsed < *b.parsed : a.version < b.version;
    });
    for (const Found &f : m_found)
        convert(f);
    if (!m_repeatables.isEmpty())
        addRepeatables(m_found.isEmpty() ? QStringLiteral("0") : m_found.last().version);
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
        m_result.problems << (m_result.excluded.isEmpty()
                                  ? MigrationImporter::tr("%1: no %2 migrations (%3)")
                                        .arg(m_dir.path(), m_format.displayName,
                                             m_format.layoutText)
                                  : MigrationImporter::tr("%1: no %2 migrations (%3) besides the "
                                                          "%n entry(s) left out with --exclude",
                                                          nullptr, int(m_result.excluded.size()))
                                        .arg(m_dir.path(), m_format.displayName,
                                             m_format.layoutText));
}

void Reader::list()
{
    const QRegularExpression up(m_format.upPattern);
    const QRegularExpression down(m_format.downPattern.isEmpty() ? QStringLiteral("(?!)")
                                                                 : m_format.downPattern);
    const QRegularExpression repeatable(
        m_format.repeatablePattern.isEmpty() ? QStringLiteral("(?!)") : m_format.repeatablePattern);
    const QRegularExpression hand(m_format.byHandPattern.isEmpty() ? QStringLiteral("(?!)")
                                                                   : m_format.byHandPattern);
    const bool folders = m_format.layout == Layout::Folder;
    QList<QRegularExpression> excluded;
    for (const QString &glob : m_options.exclude)
        excluded << QRegularExpression(QRegularExpression::wildcardToRegularExpression(glob));
    const QStringList names = listNames(folders, {up, down, repeatable, hand}, excluded);
    if (m_format.scansSubdirectories)
        for (const QString &nested :
             NestedMigrationFiles::find(m_dir.path(), {up, repeatable}, excluded))
            problem(nested, 1,
                    MigrationImporter::tr("in a subdirectory, where %1 finds it too: "
                                          "move it up, or leave the subdirectory out "
                                          "with --exclude")
                        .arg(m_format.displayName));
    for (const QString &name : notUtf8Names(m_dir.path()))
        problem(name, 1, MigrationImporter::tr("a file name that is not UTF-8: rename it"));
    for (const QString &name : names) {
        // a name QDir could not decode (noted above): no file of that name exists
        if (name.contains(QChar::ReplacementCharacter) && !QFileInfo(m_dir.filePath(name)).exists()
            && !QFileInfo(m_dir.filePath(name)).isSymLink())
            continue;
        if (std::any_of(name.cbegin(), name.cend(), [](QChar c) { return c.unicode() < 0x20; })) {
            problem(ImportHeader::oneLine(name), 1,
                    MigrationImporter::tr("a file name with a line break or another control "
                                          "character: rename it"));
            continue;
        }
        if (std::any_of(excluded.cbegin(), excluded.cend(),
                        [&](const QRegularExpression &x) { return x.match(name).hasMatch(); })) {
            m_result.excluded << name;
            continue;
        }
        if (const QRegularExpressionMatch r = repeatable.match(name); r.hasMatch()) {
            m_repeatables.append({name, r.captured(1).replace(u'_', u' ')});
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
                        MigrationImporter::tr("not a %1 migration name (%2): rename it, or "
                                              "leave it out with --exclude '%3'")
                            .arg(m_format.displayName, m_format.layoutText, name));
            continue;
        }
        add(name, m, isDown);
    }
}

QStringList Reader::listNames(bool folders, const QList<QRegularExpression> &read,
                              const QList<QRegularExpression> &excluded)
{
    const auto matches = [](const QList<QRegularExpression> &list, const QString &name) {
        return std::any_of(list.cbegin(), list.cend(),
                           [&](const QRegularExpression &x) { return x.match(name).hasMatch(); });
    };
    static const QRegularExpression sql(QStringLiteral(R"(\.sql$)"),
                                        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpression candidate(
        m_format.candidatePattern.isEmpty() ? sql.pattern() : m_format.candidatePattern,
        QRegularExpression::CaseInsensitiveOption);
    QStringList out;
    // System: a FIFO, a device or a broken link named like a migration is listed, and refused
    // when read
    for (const QString &name : m_dir.entryList(
             QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
        // a link out of SRC named like what is read: named, never followed (not even to see
        // whether it is a folder)
        if ((matches(read, name) || (!folders && candidate.match(name).hasMatch()))
            && !matches(excluded, name) && !m_files.linkOut(name).isEmpty()) {
            problem(name, 1,
                    MigrationImporter::tr("a symbolic link that leads outside the source "
                                          "directory: not read"));
            continue;
        }
        if (QFileInfo(m_dir.filePath(name)).isDir() == folders)
            out << name;
    }
    return out;
}

// A file (or folder) named like a migration: its version and name, as up or down.
void Reader::add(const QString &name, const QRegularExpressionMatch &m, bool isDown)
{
    QString version = m.captured(1);
    bool fits = false;
    if (m_format.id == QLatin1String("sqlx") && (version.toLongLong(&fits), !fits)) {
        problem(name, 1,
                MigrationImporter::tr("version %1: sqlx reads versions as 64-bit integers (at "
                                      "most 9223372036854775807)")
                    .arg(version));
        return;
    }
    if (m_format.digitsOnlyVersion)
        version.remove(u'-');
    version.replace(u'.', u'-').replace(u'_', u'-');
    const auto parsed = MigrationVersion::parse(version);
    if (!parsed) {
        problem(name, 1, parsed.error().toString());
        return;
    }
    auto it = std::find_if(m_found.begin(), m_found.end(),
                           [&](const Found &f) { return f.parsed == *parsed; });
    if (it == m_found.end()) {
        Found f;
        f.version = version;
        f.parsed = *parsed;
        m_found << f;
        it = m_found.end() - 1;
    }
    QString &slot = isDown ? it->downFile : it->upFile;
    if (!slot.isEmpty()) {
        problem(name, 1, MigrationImporter::tr("version %1 again (also %2)").arg(version, slot));
        return;
    }
    slot = name;
    if (!isDown || it->name.isEmpty())
        it->name = m.captured(2);
}

void Reader::listJava()
{
    for (const QString &dir : m_options.javaDirs)
        m_java += FlywayJavaMigrations::find(dir, &m_result.problems, &m_result.byHand);
    for (qsizetype i = 0; i < m_java.size(); ++i) {
        const FlywayJavaMigrations::Class &c = m_java[i];
        QString version = c.version;
        version.replace(u'.', u'-');
        const auto parsed = MigrationVersion::parse(version);
        if (!parsed) {
            problem(c.path, 1, parsed.error().toString());
            continue;
        }
        const auto same = std::find_if(m_found.cbegin(), m_found.cend(),
                                       [&](const Found &f) { return f.parsed == *parsed; });
        if (same != m_found.cend()) {
            problem(c.path, 1,
                    MigrationImporter::tr("version %1 again (also %2)")
                        .arg(version, same->java >= 0 ? m_java[same->java].path : same->upFile));
            continue;
        }
        Found f;
        f.version = version;
        f.parsed = *parsed;
        f.name = c.description;
        f.upFile = c.path;
        f.java = int(i);
        m_found << f;
    }
}

void Reader::byHand(const QString &file)
{
    const auto text = m_files.text(file);
    int line = 1;
    if (text) {
        static const QRegularExpression up(
            QStringLiteral(R"((\bup\b\s*[=:(]|\bfunction\s+up\b|\basync\s+up\b))"));
        const QRegularExpressionMatch m = up.match(*text);
        if (m.hasMatch())
            line = SourceLine::at(*text, m.capturedStart());
    }
    m_result.byHand << MigrationImporter::tr("%1: a JavaScript or TypeScript migration: convert "
                                             "by hand")
                           .arg(SourceLine::where(file, line));
}

void Reader::convert(const Found &found)
{
    if (found.java >= 0) {
        const FlywayJavaMigrations::Class &c = m_java[found.java];
        ImportedMigration m;
        m.folder = found.version + u'_' + folderName(found.name);
        m.source = c.file;
        m.javaClass = c.className;
        m.upSql = FlywayJavaMigrations::upSql(c);
        m.downSql = FlywayJavaMigrations::downSql(c);
        m_result.migrations << m;
        return;
    }
    QString version = found.version;
    QString name = found.name;
    Section up;
    Section down;
    QString source;
    if (!m_sections.read(found.upFile, found.downFile, version, name, up, down, source))
        return;
    if (found.repeatable)
        up.notes.prepend(FlywayRepeatables::note());
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
        m.downKeptNoOp = m.downRunsNothing = down.noOp;
    } else {
        m.downSql = RefusingDown::sql(m_format.displayName, source);
        m.downGenerated = true;
    }
    m_result.migrations << m;
}

void Reader::addRepeatables(const QString &last)
{
    // Flyway's order: by description
    std::stable_sort(m_repeatables.begin(), m_repeatables.end(),
                     [](const auto &a, const auto &b) { return a.second < b.second; });
    QHash<QString, QList<ImportedMigration>> previous
        = FlywayRepeatables::previous(m_options.previousOut, m_format.displayName);
    QList<MigrationVersion> taken;
    for (const QList<ImportedMigration> &list : std::as_const(previous))
        for (const ImportedMigration &m : list)
            taken << *FlywayRepeatables::versionOf(m.folder);
    for (const auto &[file, description] : std::as_const(m_repeatables)) {
        Found f;
        f.version = FlywayRepeatables::nextVersion(last, taken);
        if (const auto parsed = MigrationVersion::parse(f.version))
            f.parsed = *parsed;
        f.name = description;
        f.upFile = file;
        f.repeatable = true;
        const qsizetype before = m_result.migrations.size();
        convert(f);
        const QList<ImportedMigration> kept = previous.take(file);
        m_result.migrations.append(kept);
        if (m_result.migrations.size() == before + kept.size())
            continue; // a problem was noted
        // unchanged since the earlier import: its folder stays the one that runs it
        if (!kept.isEmpty()
            && FlywayRepeatables::sameBody(m_result.migrations.at(before).upSql, kept.last().upSql))
            m_result.migrations.removeAt(before);
        else
            taken << *f.parsed;
    }
    // a repeatable whose file is gone: what ran stays
    for (const QList<ImportedMigration> &list : std::as_const(previous))
        m_result.migrations.append(list);
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

} // namespace uaip
