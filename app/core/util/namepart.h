#pragma once

#include <QString>

#include <functional>

namespace uaip {

// A piece of a file or folder name made from any text (a table's or an index's name): the
// characters keep() accepts, every run of others one underscore, none at either end; fallback
// when nothing is left.
class NamePart
{
public:
    static QString of(const QString &text, const std::function<bool(QChar)> &keep,
                      const QString &fallback);
};

} // namespace uaip
