#include "pgerror.h"

namespace uaip {

QString PgError::toString() const
{
    QString out;
    if (!sqlState.isEmpty())
        out += QStringLiteral("%1 %2: ").arg(
            severity.isEmpty() ? QStringLiteral("ERROR") : severity, sqlState);
    out += message.trimmed();
    // libpq's connection errors may come as message and detail alike: said once
    if (!detail.isEmpty() && detail.trimmed() != message.trimmed())
        out += QStringLiteral("\nDETAIL: ") + detail.trimmed();
    if (!hint.isEmpty())
        out += QStringLiteral("\nHINT: ") + hint.trimmed();
    if (!context.isEmpty())
        out += QStringLiteral("\nCONTEXT: ") + context.trimmed();
    return out;
}

} // namespace uaip
