#include "plannode.h"

namespace uaip {

QString PlanNode::label() const
{
    QString out = nodeType;
    if (!joinType.isEmpty() && nodeType.endsWith(QLatin1String("Join"))
        && joinType != QLatin1String("Inner"))
        out = joinType + u' ' + nodeType;
    if (!indexName.isEmpty())
        out += QStringLiteral(" using ") + indexName;
    if (!relation.isEmpty()) {
        out += QStringLiteral(" on ") + relation;
        if (!alias.isEmpty() && alias != relation)
            out += u' ' + alias;
    }
    if (!subplanName.isEmpty())
        out += QStringLiteral(" (") + subplanName + u')';
    return out;
}

} // namespace uaip
