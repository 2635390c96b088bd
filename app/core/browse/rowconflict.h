#pragma once

#include <QString>
#include <QVariantList>

namespace uaip {

// A staged row that someone else changed or deleted since it was loaded: their version
// (now in the database) against ours (the loaded values with our changes).
struct RowConflict
{
    QString rowKey;
    bool deletedByThem = false;
    QString theirXmin;
    QVariantList theirs; // empty when deleted
    QVariantList ours;
    QVariantList original; // what we loaded
    bool weDelete = false;
};

} // namespace uaip
