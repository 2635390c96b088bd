#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// Groups the platform's tables (the ones the bundled migrations create) by domain for the
// tree. Anything else, in any schema, has no domain and is listed under its schema.
class DomainGrouping
{
public:
    // The platform domain of schema.table, or an empty string.
    static QString domainOf(const QString &schema, const QString &table);
    // The domains in the order the tree shows them.
    static QStringList domains();
};

} // namespace uaip
