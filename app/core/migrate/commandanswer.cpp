#include "commandanswer.h"

#include "db/pgresult.h"

namespace uaip {

CommandAnswer CommandAnswer::of(const PgResult &result)
{
    CommandAnswer a;
    a.ok = result.ok();
    a.commandTag = result.commandTag();
    if (result.ok() && result.rows() > 0 && result.columns() > 0)
        a.firstValue = result.value(0, 0);
    if (!result.ok())
        a.error = result.error();
    return a;
}

} // namespace uaip
