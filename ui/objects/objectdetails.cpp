#include "objectdetails.h"

#include "objects/objectcatalog.h"

namespace uaip {

Result<ObjectDetails> ObjectDetails::read(PgConnection &connection, const QString &database,
                                          const CatalogNode &node)
{
    ObjectCatalog catalog(connection);
    ObjectDetails d;
    d.database = database;
    d.node = node;
    // a search's result or a dependency carries no comment, a folder's listing an estimate
    const Result<ObjectFacts> facts = ObjectFacts::read(connection, node);
    if (facts) {
        d.facts = facts.value();
        d.node.comment = d.facts.comment;
        if (d.facts.tableBytes >= 0) {
            d.node.sizeBytes = d.facts.totalBytes();
            d.node.sizeEstimated = d.facts.estimated;
        }
    } else {
        d.factsError = facts.error().toString();
    }
    const Result<QStringList> ddl = catalog.ddl(node);
    if (ddl)
        d.ddl = ddl.value();
    else
        d.ddlError = ddl.error().toString();
    const Result<ObjectDependencies> deps = catalog.dependencies(node);
    if (deps)
        d.dependencies = deps.value();
    else
        d.dependenciesError = deps.error().toString();
    return d;
}

} // namespace uaip
