#include "saveplan.h"

#include "util/sqlcomment.h"

#include <QCoreApplication>

namespace uaip {

QString SavePlan::preview() const
{
    // The header in the user's language: it is read, never run.
    const QString header
        = QCoreApplication::translate("uaip::SavePlan", "%1: %n statement(s) in one transaction",
                                      nullptr, int(statements.size()))
              .arg(table);
    QString out = SqlComment::line(header) + QStringLiteral("\nBEGIN;\n");
    for (const SaveStatement &s : statements) {
        out += QString::fromUtf8(s.sql.sql) + QStringLiteral(";\n");
        for (qsizetype i = 0; i < s.sql.params.size(); ++i) {
            const QVariant &v = s.sql.params[i];
            QString shown = v.isNull()
                ? QStringLiteral("NULL")
                : u'\'' + v.toString().replace(u'\'', QStringLiteral("''")) + u'\'';
            // Whole: the user confirms the values that are saved, not their beginning.
            shown.replace(u'\n', QStringLiteral("\\n"));
            out += QStringLiteral("--   $%1 = %2\n").arg(i + 1).arg(shown);
        }
    }
    out += QStringLiteral("COMMIT;\n");
    return out;
}

} // namespace uaip
