#include "parserversion.h"

#include <pg_query.h>

namespace uaip {

int ParserVersion::major()
{
    return QByteArrayView(PG_MAJORVERSION).toInt();
}

bool ParserVersion::serverIsNewer(int serverVersionNum)
{
    return serverVersionNum / 10000 > major();
}

QString ParserVersion::notCheckedNote()
{
    return tr("not checked: syntax newer than the console's parser (PostgreSQL %1)").arg(major());
}

} // namespace uaip
