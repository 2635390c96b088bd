#pragma once

#include "objects/objectkind.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The Objects view's words for the kinds of ObjectKind: a folder's name ("Tables",
// "Materialized views", "Columns", ...) and one object's kind ("table", "materialized view").
class ObjectKindText
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ObjectKindText)

public:
    static QString folder(ObjectKind kind);
    static QString one(ObjectKind kind);
};

} // namespace uaip
