#include "migrationsource.h"

#include "checksum.h"
#include "contractpairs.h"
#include "importformat.h"
#include "sqlparse/sqlsplitter.h"
#include "sqlparse/textposition.h"
#include "util/parallelfor.h"
#include "util/visibletext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <dirent.h>
#include <variant>
#include <vector>

namespace uaip {

namespace {

// Offset of the first byte that is not valid UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray &s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.constData());
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        int extra = 0;
        unsigned min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
        } else {
            return i;
        }
        unsigned cp = c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

// The tools whose file (not folder) layout a name has, "golang-migrate" or "dbmate or
// node-pg-migrate" (their patterns match the same names), with the layout; empty: none.
std::pair<QStringList, QString> foreignLayout(const QString &fileName)
{
    QStringList ids;
    QString layout;
    for (const ImportFormat &f : ImportFormat::all()) {
        if (f.layout == ImportFormat::Layout::Folder)
            continue;
        for (const QString &pattern : {f.upPattern, f.downPattern}) {
            if (pattern.isEmpty() || !QRegularExpression(pattern).match(fileName).hasMatch())
                continue;
            ids << f.id;
            if (layout.isEmpty())
                layout = f.layoutText;
            break;
        }
    }
    return {ids, layout};
}

} // namespace

std::optional<ValidationProblem> MigrationSource::readFile(const QString &path, QByteArray *content,
                                                           bool *absent)
{
    const auto problem = [&path](const QString &message, int line = 0, int column = 0) {
        return ValidationProblem{QStringLiteral("source"), path, line, column, message};
    };
    // Unbuffered, and no existence check first: a run reads hundreds of files, and every
    // needless system call per file shows in the time of a small run.
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (absent && !f.exists()) {
            *absent = true;
            return std::nullopt;
        }
        return problem(tr("cannot be read: %1").arg(f.errorString()));
    }
    // read to the exact size: readAll() grows its buffer to the next power of two
    if (f.isSequential()) {
        *content = f.readAll();
    } else {
        *content = QByteArray(f.size(), Qt::Uninitialized);
        if (f.read(content->data(), content->size()) != content->size())
            return problem(tr("cannot be read: %1").arg(f.errorString()));
    }
    const qsizetype bad = firstInvalidUtf8(*content);
    if (bad >= 0) {
        const TextPosition pos = TextPosition::fromOffset(*content, int(bad));
        return problem(tr("not valid UTF-8 (byte 0x%1 at offset %2); save the file as UTF-8")
                           .arg(uint(uchar(content->at(bad))), 2, 16, QLatin1Char('0'))
                           .arg(bad),
                       pos.line, pos.column);
    }
    return std::nullopt;
}

bool MigrationSource::readScripts(Migration &m)
{
    const auto problem = [](const QString &path, const QString &message) {
        return ValidationProblem{QStringLiteral("source"), path, 0, 0, message};
    };
    bool noUp = false;
    if (const auto bad = readFile(m.upPath(), &m.upSql, &noUp)) {
        m.upProblems << *bad;
    } else if (noUp) {
        return false;
    } else {
        m.upSplit = SqlSplitter::split(m.upSql);
        const auto up = MigrationDirectives::parse(m.upSql, m.upSplit.statements);
        if (m.upSplit.ok() && m.upSplit.statements.isEmpty())
            m.upProblems << problem(m.upPath(), tr("contains no SQL statement"));
        else if (!up)
            m.upProblems << problem(m.upPath(), up.error().toString());
        else
            m.upDirectives = *up;
    }
    m.upChecksum = Checksum::of(m.upSql);
    m.upChecksumWithBom = Checksum::withByteOrderMark(m.upSql);
    bool noDown = false;
    if (const auto bad = readFile(m.downPath(), &m.downSql, &noDown)) {
        m.hasDown = true;
        m.downProblems << *bad;
    } else if (noDown) {
        return true;
    } else {
        m.hasDown = true;
        m.downSplit = SqlSplitter::split(m.downSql);
        const auto down = MigrationDirectives::parse(m.downSql, m.downSplit.statements);
        if (!down)
            m.downProblems << problem(m.downPath(), down.error().toString());
        else
            m.downDirectives = *down;
    }
    m.downChecksum = Checksum::of(m.downSql);
    m.downChecksumWithBom = Checksum::withByteOrderMark(m.downSql);
    return true;
}

bool MigrationSource::refuse(const QString &message)
{
    m_folderErrors << message;
    m_errors << message;
    return false;
}

void MigrationSource::refuseInvalidNames(const QString &dir)
{
    if (DIR *raw = ::opendir(QFile::encodeName(dir).constData())) {
        while (const dirent *e = ::readdir(raw)) {
            const QByteArray name(e->d_name);
            if (!name.startsWith('.') && firstInvalidUtf8(name) >= 0)
                refuse(tr("%1/%2: the name is not valid UTF-8 (a byte of another "
                          "encoding?), so it cannot be read; rename it")
                           .arg(dir, QString::fromLatin1(name)));
        }
        ::closedir(raw);
    }
}

QList<MigrationSource::Folder> MigrationSource::listFolders(const QString &dir,
                                                            const QFileInfoList &entries)
{
    QList<std::pair<MigrationVersion, QString>> seen; // version -> folder
    QList<Folder> folders;
    for (const QFileInfo &entry : entries) {
        const QString fileName = entry.fileName();
        if (fileName.startsWith(u'.'))
            continue;
        const QString path = entry.filePath();
        const QString shown = VisibleText::escaped(path); // a line break in a name starts no line
        if (!entry.isDir()) {
            const auto [tools, layout] = foreignLayout(fileName);
            if (tools.isEmpty())
                m_warnings << tr("%1: not a migration (a migration is a VERSION_name folder "
                                 "with an up.sql); ignored")
                                  .arg(shown);
            else
                folders << tr("%1: a migration of another tool (%2: %3); uaip-migrate reads "
                              "VERSION_name/up.sql folders: convert them with 'uaip-migrate "
                              "import-migrations --from %4 %5 --out DIR'")
                               .arg(shown, tools.join(QStringLiteral(" or ")), layout,
                                    tools.first(), dir);
            continue;
        }
        const auto parsed = MigrationVersion::parseFolderName(fileName);
        if (!parsed) {
            const QString why = parsed.error().toString();
            // notes/, docs/: not a migration, no reason to refuse every command (said as a
            // warning); a folder with an up.sql under a bad name is a mistake, though: where it
            // belongs in the order is unknown, so nothing may run
            if (QFileInfo::exists(path + QStringLiteral("/up.sql")))
                folders << QStringLiteral("%1: %2").arg(shown, why);
            else
                m_warnings << tr("%1: not a migration (%2); ignored").arg(shown, why);
            continue;
        }
        Migration m;
        m.version = parsed->first;
        m.name = parsed->second;
        m.directory = path;
        const auto dup = std::find_if(seen.cbegin(), seen.cend(),
                                      [&](const auto &s) { return s.first == m.version; });
        if (dup != seen.cend()) {
            folders << tr("%1: duplicate version %2 (also used by %3)")
                           .arg(path, m.version.text(), dup->second);
            continue;
        }
        seen.append({m.version, path});
        folders << m;
    }
    return folders;
}

void MigrationSource::readFolders(QList<Folder> &folders)
{
    // Reading and splitting the scripts is most of the work: on every core.
    std::vector<char> hasUp(std::size_t(folders.size()), 0);
    ParallelFor::run(int(folders.size()), 16, [&](int i) {
        if (auto *m = std::get_if<Migration>(&folders[i]))
            hasUp[std::size_t(i)] = readScripts(*m);
    });
    for (qsizetype i = 0; i < folders.size(); ++i) {
        if (const auto *message = std::get_if<QString>(&folders[i])) {
            refuse(*message);
            continue;
        }
        Migration &m = std::get<Migration>(folders[i]);
        if (!hasUp[std::size_t(i)]) {
            refuse(tr("%1: missing (every migration needs an up.sql)").arg(m.upPath()));
            continue;
        }
        for (const ValidationProblem &p : std::as_const(m.upProblems) + m.downProblems)
            m_errors << p.describe();
        m_migrations << std::move(m);
    }
}

bool MigrationSource::load(const QString &dir)
{
    m_dir = dir;
    m_migrations.clear();
    m_errors.clear();
    m_folderErrors.clear();
    m_warnings.clear();
    QDir root(dir);
    if (!root.exists())
        return refuse(tr("%1: migrations folder does not exist").arg(dir));
    if (!dir.startsWith(u':') && !QFileInfo(dir).isReadable())
        return refuse(tr("%1: migrations folder cannot be read (permission denied)").arg(dir));
    const QFileInfoList entries
        = root.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    if (entries.isEmpty() && !dir.startsWith(u':') && !QFileInfo(dir).isExecutable())
        return refuse(tr("%1: migrations folder cannot be listed (permission denied)").arg(dir));
    // A name that is not UTF-8 (a Latin-1 byte) does not survive QDir's decoding: such an entry
    // could not even be opened by the name read, so it is looked for in the raw names.
    if (!dir.startsWith(u':'))
        refuseInvalidNames(dir);
    // The folders in name order, each either refused at once (a message) or read below.
    QList<Folder> folders = listFolders(dir, entries);
    readFolders(folders);
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    // an online change's contract that names no expand of the folder (ContractPairs)
    for (const ValidationProblem &p : ContractPairs::check(m_migrations))
        m_errors << p.describe();
    return m_errors.isEmpty();
}

const Migration *MigrationSource::find(const MigrationVersion &version) const
{
    for (const Migration &m : m_migrations)
        if (m.version == version)
            return &m;
    return nullptr;
}

} // namespace uaip
