#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// The strings of a JSON array as a query returns it (json_agg of names): in order, an element
// that is no string as an empty one; none when the text is no JSON array.
class JsonStringList
{
public:
    static QStringList of(const QString &json);
};

} // namespace uaip
