#pragma once

#include "objects/catalognode.h"
#include "objects/objectdependencies.h"
#include "objects/objectfacts.h"

#include "error/result.h"

#include <QStringList>

namespace uaip {

class PgConnection;

// What the Objects view's detail pane shows of one object, read in one job: the node (its
// comment and exact size as read now: facts), its DDL and what it uses and what uses it; a
// part that could not be read says why instead.
struct ObjectDetails
{
    // The details of node in database: its comment and size as they are now, its DDL, uses and
    // used by (one job on the database's session).
    static Result<ObjectDetails> read(PgConnection &connection, const QString &database,
                                      const CatalogNode &node);

    QString database;
    CatalogNode node;
    ObjectFacts facts; // also in node: comment, sizeBytes (the total), sizeEstimated
    QString factsError;
    QStringList ddl;
    QString ddlError;
    ObjectDependencies dependencies;
    QString dependenciesError;
};

} // namespace uaip
