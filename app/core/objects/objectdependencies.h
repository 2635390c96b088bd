#pragma once

#include "objectreference.h"

#include <QList>

namespace uaip {

// What an object uses and what uses it.
struct ObjectDependencies
{
    QList<ObjectReference> uses;
    QList<ObjectReference> usedBy;
};

} // namespace uaip
