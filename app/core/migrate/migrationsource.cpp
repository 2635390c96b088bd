#include "migrationsource.h"

#include "checksum.h"
#include "sqlsplitter.h"
#include "textposition.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

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

} // namespace

bool MigrationSource::readFile(const QString &path, QByteArray *content, bool required)
{
    QFile f(path);
    if (!f.exists()) {
        if (required)
            m_errors << tr("%1: missing (every migration needs an up.sql)").arg(path);
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        m_errors << tr("%1: cannot be read: %2").arg(path, f.errorString());
        return false;
    }
    *content = f.readAll();
    const qsizetype bad = firstInvalidUtf8(*content);
    if (bad >= 0) {
        const TextPosition pos = TextPosition::fromOffset(*content, int(bad));
        m_errors << tr("%1:%2:%3: not valid UTF-8 (byte 0x%4 at offset %5)")
                        .arg(path)
                        .arg(pos.line)
                        .arg(pos.column)
                        .arg(uint(uchar(content->at(bad))), 2, 16, QLatin1Char('0'))
                        .arg(bad);
        return false;
    }
    return true;
}

bool MigrationSource::load(const QString &dir)
{
    m_dir = dir;
    m_migrations.clear();
    m_errors.clear();
    QDir root(dir);
    if (!root.exists()) {
        m_errors << tr("%1: migrations folder does not exist").arg(dir);
        return false;
    }
    if (!dir.startsWith(u':') && !QFileInfo(dir).isReadable()) {
        m_errors << tr("%1: migrations folder cannot be read (permission denied)").arg(dir);
        return false;
    }
    const QFileInfoList entries
        = root.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    if (entries.isEmpty() && !dir.startsWith(u':') && !QFileInfo(dir).isExecutable()) {
        m_errors << tr("%1: migrations folder cannot be listed (permission denied)").arg(dir);
        return false;
    }
    QList<std::pair<MigrationVersion, QString>> seen; // version -> folder
    for (const QFileInfo &entry : entries) {
        if (entry.fileName().startsWith(u'.') || !entry.isDir())
            continue;
        const QString path = entry.filePath();
        QString why;
        const auto parsed = MigrationVersion::parseFolderName(entry.fileName(), &why);
        if (!parsed) {
            // notes/, docs/, a folder of another tool: not a migration, no reason to refuse
            // every command; a folder with an up.sql under a bad name is a mistake, though
            if (QFileInfo::exists(path + QStringLiteral("/up.sql")))
                m_errors << tr("%1: %2").arg(path, why);
            continue;
        }
        Migration m;
        m.version = parsed->first;
        m.name = parsed->second;
        m.directory = path;
        const auto dup = std::find_if(seen.cbegin(), seen.cend(),
                                      [&](const auto &s) { return s.first == m.version; });
        if (dup != seen.cend()) {
            m_errors << tr("%1: duplicate version %2 (also used by %3)")
                            .arg(path, m.version.text(), dup->second);
            continue;
        }
        seen.append({m.version, path});
        if (!readFile(m.upPath(), &m.upSql, true))
            continue;
        m.hasDown = QFileInfo::exists(m.downPath());
        if (m.hasDown && !readFile(m.downPath(), &m.downSql, true))
            continue;
        m.upSplit = SqlSplitter::split(m.upSql);
        if (m.upSplit.ok() && m.upSplit.statements.isEmpty()) {
            m_errors << tr("%1: contains no SQL statement").arg(m.upPath());
            continue;
        }
        QString directiveError;
        const auto up = MigrationDirectives::parse(m.upSql, m.upSplit.statements, &directiveError);
        if (!up) {
            m_errors << QStringLiteral("%1: %2").arg(m.upPath(), directiveError);
            continue;
        }
        m.upDirectives = *up;
        if (m.hasDown) {
            m.downSplit = SqlSplitter::split(m.downSql);
            const auto down
                = MigrationDirectives::parse(m.downSql, m.downSplit.statements, &directiveError);
            if (!down) {
                m_errors << QStringLiteral("%1: %2").arg(m.downPath(), directiveError);
                continue;
            }
            m.downDirectives = *down;
            m.downChecksum = Checksum::of(m.downSql);
        }
        m.upChecksum = Checksum::of(m.upSql);
        m_migrations << m;
    }
    std::sort(m_migrations.begin(), m_migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
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
