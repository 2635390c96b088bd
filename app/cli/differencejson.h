#pragma once

#include "schema/schemasnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace uaip {

// verify --json: a schema difference with its structured diff. A change carries its hunks
// (ranges and marked lines), the unified text, and whether only literal values differ.
class DifferenceJson
{
public:
    static QJsonObject of(const SchemaSnapshot::Difference &d);
    static QJsonArray of(const QList<SchemaSnapshot::Difference> &diffs);
};

} // namespace uaip
