#pragma once

#include <QString>

namespace uaip {

// A column pg_qualstats saw one statement compare (QualstatsReader): its table, and whether it
// was compared for equality (else a range or another operator).
struct QualColumn
{
    QString schema;
    QString table;
    QString column;
    bool equality = false;
};

} // namespace uaip
