#include "pgtokens.h"

#include <pg_query.h>

namespace uaip {

PgTokens::PgTokens(const QByteArray &text)
{
    PgQueryScanResult scan = pg_query_scan(text.constData());
    if (!scan.error)
        m_tokens = pg_query__scan_result__unpack(m_arena.allocator(), scan.pbuf.len,
                                                 reinterpret_cast<uint8_t *>(scan.pbuf.data));
    pg_query_free_scan_result(scan);
}

} // namespace uaip
