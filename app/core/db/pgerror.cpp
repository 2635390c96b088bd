#include "pgerror.h"

namespace uaip {

QString PgError::toString() const
{
    QString out;
    if (!sqlState.isEmpty())
        out += QStringLiteral("%1 %2: ").arg(
            severity.isEmpty() ? QStringLiteral("ERROR") : severity, sqlState);
    out += message.trimmed();
    if (!detail.isEmpty())
        out += QStringLiteral("\nDETAIL: ") + detail.trimmed();
    if (!hint.isEmpty())
        out += QStringLiteral("\nHINT: ") + hint.trimmed();
    if (!context.isEmpty())
        out += QStringLiteral("\nCONTEXT: ") + context.trimmed();
    return out;
}

} // namespace uaip
