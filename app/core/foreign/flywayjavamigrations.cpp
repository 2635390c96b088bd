#include "flywayjavamigrations.h"

#include "importheader.h"
#include "util/sqlcomment.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace uaip {

namespace {

// Flyway's class names (its default prefixes and separator): V1_5_3__Add_index, R__Views
const QRegularExpression kVersioned(QStringLiteral(R"(^V(\d+(?:_\d+)*)__(\w+)\.(?:java|kt)$)"));
const QRegularExpression kRepeatable(QStringLiteral(R"(^R__(\w+)\.(?:java|kt)$)"));

// a migration's name with another extension than .java or .kt (Groovy, a compiled .class)
const QRegularExpression
    kCompiled(QStringLiteral(R"(^(?:V\d+(?:_\d+)*|R)__\w+\.(?!(?:java|kt)$)\w+$)"));

} // namespace

QString FlywayJavaMigrations::classNameOf(const QString &file, const QString &text)
{
    static const QRegularExpression package(QStringLiteral(R"(^\s*package\s+([\w.]+)\s*;?\s*$)"),
                                            QRegularExpression::MultilineOption);
    const QString base = QFileInfo(file).completeBaseName();
    const QRegularExpressionMatch m = package.match(text);
    return m.hasMatch() ? m.captured(1) + u'.' + base : base;
}

QList<FlywayJavaMigrations::Class>
FlywayJavaMigrations::find(const QString &dir, QStringList *problems, QStringList *byHand)
{
    QList<Class> out;
    if (!QFileInfo(dir).isDir()) {
        *problems << tr("%1: no such directory (--java)").arg(dir);
        return out;
    }
    QStringList files;
    const QString root = QFileInfo(dir).canonicalFilePath();
    QDirIterator it(dir, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink()) {
            // a link out of DIR (a directory, or a file named like a migration): named, never
            // followed, as for the source directory
            const QString real = info.canonicalFilePath();
            const bool outside = !real.isEmpty() && real != root && !real.startsWith(root + u'/');
            if (outside
                && (info.isDir() || kVersioned.match(info.fileName()).hasMatch()
                    || kRepeatable.match(info.fileName()).hasMatch()
                    || kCompiled.match(info.fileName()).hasMatch())) {
                //: %1 the link, %2 the --java directory
                *problems << tr("%1:1: a symbolic link that leads outside %2 (--java): not read")
                                 .arg(path, dir);
                continue;
            }
        }
        if (!info.isDir())
            files << path;
    }
    files.sort(); // the same order on every file system
    for (const QString &path : std::as_const(files)) {
        const QString name = QFileInfo(path).fileName();
        if (kRepeatable.match(name).hasMatch()) {
            *byHand << tr("%1:1: a Flyway Java repeatable migration: convert by hand").arg(path);
            continue;
        }
        const QRegularExpressionMatch m = kVersioned.match(name);
        if (!m.hasMatch()) {
            // V5__D.groovy, V5__D.class: Flyway runs the class compiled from it, never read
            if (kCompiled.match(name).hasMatch())
                *byHand << tr("%1:1: not read: Flyway runs compiled classes; only .java and .kt "
                              "sources are read: convert by hand")
                               .arg(path);
            continue; // else a helper class of the migrations, no migration of Flyway's
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *problems << tr("%1:1: cannot be read: %2").arg(path, f.errorString());
            continue;
        }
        Class c;
        c.path = path;
        c.file = QDir(dir).relativeFilePath(path);
        c.version = m.captured(1).replace(u'_', u'.');
        c.description = m.captured(2).replace(u'_', u' ');
        c.className = classNameOf(path, QString::fromUtf8(f.readAll()));
        out << c;
    }
    return out;
}

QByteArray FlywayJavaMigrations::refusing(const QStringList &header, const QString &message)
{
    QString escaped = message;
    escaped.replace(u'\'', QStringLiteral("''"));
    QString tag = QStringLiteral("$uaip_import$");
    for (int i = 1; escaped.contains(tag); ++i)
        tag = QStringLiteral("$uaip_import%1$").arg(i);
    QStringList lines;
    for (const QString &h : header)
        lines << SqlComment::line(h);
    return (lines.join(u'\n') + u'\n'
            + QStringLiteral("DO %1\nBEGIN\n    RAISE EXCEPTION '%', '%2';\nEND\n%1;\n")
                  .arg(tag, escaped))
        .toUtf8();
}

QByteArray FlywayJavaMigrations::upSql(const Class &c)
{
    ImportHeader h;
    h.toolName = QStringLiteral("Flyway");
    h.file = c.file;
    h.notes << QStringLiteral("Flyway Java migration %1: a stub, no SQL").arg(c.className);
    const QString message
        = QStringLiteral("%1 (%2) is a Flyway Java migration: write what it does as SQL in this "
                         "up.sql by hand (a stub written by uaip-migrate import-migrations)")
              .arg(c.className, ImportHeader::oneLine(c.file));
    return h.render()
        + refusing({QStringLiteral("REVIEW: the Java class %1 ran this migration; its effect is "
                                   "not here.")
                        .arg(c.className),
                    QStringLiteral("adopt takes Flyway's row of version %1 over as applied (no "
                                   "file to compare), so a database Flyway migrated runs nothing "
                                   "of it.")
                        .arg(c.version),
                    QStringLiteral("On a database without it this up.sql refuses to run: write "
                                   "the class's effect as SQL here and remove this block.")},
                   message);
}

QByteArray FlywayJavaMigrations::downSql(const Class &c)
{
    return refusing({QStringLiteral("REVIEW: written by uaip-migrate import-migrations: the Flyway "
                                    "Java migration %1 has no down migration.")
                         .arg(c.className),
                     QStringLiteral("This down.sql refuses to run: write the rollback by hand and "
                                    "remove this header.")},
                    QStringLiteral("%1 (%2) is a Flyway Java migration and has no down migration: "
                                   "write this down.sql by hand (written by uaip-migrate "
                                   "import-migrations)")
                        .arg(c.className, ImportHeader::oneLine(c.file)));
}

} // namespace uaip
