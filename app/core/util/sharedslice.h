#pragma once

#include <QByteArray>

namespace uaip {

// A piece of a QByteArray that shares its memory instead of copying it (QByteArray::sliced
// copies): the slice holds a reference to the whole block, so the block lives as long as any
// slice of it, and writing to a slice copies it first, as with any shared QByteArray. Its data
// ends where the piece ends: NUL-terminated only when the byte after it is a NUL.
// A whole made by QByteArray::fromRawData owns nothing to share: its slice is a copy.
class SharedSlice
{
public:
    static QByteArray of(const QByteArray &whole, qsizetype from, qsizetype size);
};

} // namespace uaip
