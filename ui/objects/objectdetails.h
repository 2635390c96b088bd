#pragma once

#include "objects/catalognode.h"
#include "objects/objectdependencies.h"

#include <QStringList>

namespace uaip {

// What the Objects view's detail pane shows of one object, read in one job: the node (with its
// exact size where the catalog has one), its DDL and what it uses and what uses it; a part
// that could not be read says why instead.
struct ObjectDetails
{
    QString database;
    CatalogNode node;
    QStringList ddl;
    QString ddlError;
    ObjectDependencies dependencies;
    QString dependenciesError;
};

} // namespace uaip
