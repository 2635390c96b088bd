#pragma once

#include <QString>

namespace uaip {

// A table named in a statement's FROM (a RangeVar of libpg_query's parse tree): its name as the
// parser read it, its alias, and where it is written: [from, to) in UTF-8 bytes of the
// statement, covering the (qualified) name and the alias.
struct RelationReference
{
    QString schema;
    QString name;
    QString alias;
    int from = 0;
    int to = 0;
};

} // namespace uaip
