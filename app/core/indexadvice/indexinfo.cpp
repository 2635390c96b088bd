#include "indexinfo.h"

#include "sqlparse/parsetreenames.h"

namespace uaip {

QString IndexInfo::qualifiedTable() const
{
    return ParseTreeNames::quoteIdentifier(schema) + u'.' + ParseTreeNames::quoteIdentifier(table);
}

QString IndexInfo::qualifiedName() const
{
    return ParseTreeNames::quoteIdentifier(schema) + u'.' + ParseTreeNames::quoteIdentifier(name);
}

} // namespace uaip
