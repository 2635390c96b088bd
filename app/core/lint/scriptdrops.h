#pragma once

#include "rollbackimpact.h"

#include <QByteArray>

namespace uaip {

// What a script drops, read from its parse tree (libpg_query), without running it: the
// rollback preview's account of a no-transaction down.sql (DROP INDEX CONCURRENTLY and friends
// cannot run inside the preview's transaction). DROP statements give tables and other objects;
// ALTER TABLE ... DROP COLUMN / DROP CONSTRAINT give columns and constraints. Table rows are
// not counted here (rows = -1, oid empty): the preview counts them.
class ScriptDrops
{
public:
    // Empty lists and ok false when the script does not parse.
    static bool read(const QByteArray &script, RollbackImpact *drops);
};

} // namespace uaip
