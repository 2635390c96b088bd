#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// One new column of a column split (OnlineChange::Kind::SplitColumn): its name, its type and
// the expression over the old row that computes it, both as written.
struct OnlineSplitPart
{
    QString name; // unquoted
    QByteArray type;
    QByteArray expr;
};

} // namespace uaip
