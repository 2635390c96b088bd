#include "objectkindtext.h"

namespace uaip {

QString ObjectKindText::folder(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Schema:
        return tr("Schemas");
    case ObjectKind::Table:
        return tr("Tables");
    case ObjectKind::View:
        return tr("Views");
    case ObjectKind::MaterializedView:
        return tr("Materialized views");
    case ObjectKind::Sequence:
        return tr("Sequences");
    case ObjectKind::Function:
        return tr("Functions");
    case ObjectKind::Procedure:
        return tr("Procedures");
    case ObjectKind::Type:
        return tr("Types");
    case ObjectKind::Domain:
        return tr("Domains");
    case ObjectKind::Extension:
        return tr("Extensions");
    case ObjectKind::Role:
        return tr("Roles");
    case ObjectKind::Column:
        return tr("Columns");
    case ObjectKind::Constraint:
        return tr("Constraints");
    case ObjectKind::Index:
        return tr("Indexes");
    case ObjectKind::Trigger:
        return tr("Triggers");
    case ObjectKind::Policy:
        return tr("Policies");
    case ObjectKind::Partition:
        return tr("Partitions");
    }
    return QString();
}

QString ObjectKindText::one(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Schema:
        return tr("schema");
    case ObjectKind::Table:
        return tr("table");
    case ObjectKind::View:
        return tr("view");
    case ObjectKind::MaterializedView:
        return tr("materialized view");
    case ObjectKind::Sequence:
        return tr("sequence");
    case ObjectKind::Function:
        return tr("function");
    case ObjectKind::Procedure:
        return tr("procedure");
    case ObjectKind::Type:
        return tr("type");
    case ObjectKind::Domain:
        return tr("domain");
    case ObjectKind::Extension:
        return tr("extension");
    case ObjectKind::Role:
        return tr("role");
    case ObjectKind::Column:
        return tr("column");
    case ObjectKind::Constraint:
        return tr("constraint");
    case ObjectKind::Index:
        return tr("index");
    case ObjectKind::Trigger:
        return tr("trigger");
    case ObjectKind::Policy:
        return tr("policy");
    case ObjectKind::Partition:
        return tr("partition");
    }
    return QString();
}

} // namespace uaip
