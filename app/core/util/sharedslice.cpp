#include "sharedslice.h"

namespace uaip {

QByteArray SharedSlice::of(const QByteArray &whole, qsizetype from, qsizetype size)
{
    QByteArray owner = whole; // one more reference to the block, nothing copied
    if (!owner.data_ptr().d || size == 0)
        return whole.sliced(from, size);
    // Qt 6 keeps a QByteArray as (block, first byte, size): the same block, another window
    QByteArray::DataPointer slice = owner.data_ptr();
    slice.ptr += from;
    slice.size = size;
    return QByteArray(std::move(slice));
}

} // namespace uaip
