#pragma once

#include <QString>

namespace uaip {

// How long, as a DBA reads it in a list: "850 ms", "12.3 s", "5 min 3 s", "2 h 5 min",
// "3 d 4 h"; "" for -1 (none).
class ActivityAge
{
public:
    static QString text(qint64 ms);
};

} // namespace uaip
