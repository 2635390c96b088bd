#pragma once

#include "error/result.h"

#include <QStringList>

namespace uaip {

class PgConnection;

// The names the SQL editor completes: schemas, tables, views and columns of the database
// (system schemas apart), read from the catalog.
class CompletionCatalog
{
public:
    static constexpr int kMaxNames = 20000;
    static Result<QStringList> read(PgConnection &connection, int limit = kMaxNames);
};

} // namespace uaip
