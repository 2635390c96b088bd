#pragma once

#include "objects/catalognode.h"
#include "objects/objectdependencies.h"
#include "objects/objectfacts.h"

#include <QStringList>

namespace uaip {

// What the Objects view's detail pane shows of one object, read in one job: the node (its
// comment and exact size as read now: facts), its DDL and what it uses and what uses it; a
// part that could not be read says why instead.
struct ObjectDetails
{
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
