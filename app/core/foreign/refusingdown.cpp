#include "refusingdown.h"

#include "importheader.h"
#include "util/sqlcomment.h"

namespace uaip {

namespace {

// The comment lines of a refusing down.sql that say why no down.sql was generated, and the
// generated one that was refused, commented out (file content, never translated).
QString explanation(const QString &why, const QString &generated)
{
    if (why.isEmpty())
        return {};
    QStringList out{SqlComment::line(QStringLiteral("Why no down.sql was generated: ")
                                     + SqlComment::text(why))};
    if (!generated.isEmpty()) {
        out << SqlComment::line(QStringLiteral("The generated down.sql that was refused, for "
                                               "reference:"));
        out << SqlComment::commentedOut(generated);
    }
    return out.join(u'\n') + u'\n';
}

} // namespace

QByteArray RefusingDown::sql(const QString &toolName, const QString &source, const QString &why,
                             const QString &generated)
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
                         "%5"
                         "DO %3\nBEGIN\n    RAISE EXCEPTION '%', '%4';\nEND\n%3;\n")
              .arg(toolName, ImportHeader::oneLine(source), tag, message,
                   explanation(why, generated));
    return text.toUtf8();
}

} // namespace uaip
