#include "sqlstatement.h"

#include "pgparsetree.h"
#include "scripttrees.h"

namespace uaip {

std::shared_ptr<const PgParseTree> SqlStatement::tree() const
{
    if (trees)
        return trees->tree(index, text);
    return std::make_shared<const PgParseTree>(PgParseTree::parse(text));
}

} // namespace uaip
