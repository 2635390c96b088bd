#include "saveplan.h"

namespace uaip {

QString SavePlan::preview() const
{
    QString out = QStringLiteral("-- %1: %2 statement(s) in one transaction\nBEGIN;\n")
                      .arg(table)
                      .arg(statements.size());
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
