#pragma once

#include <QString>

namespace uaip {

// How much of a sequence's range is used: its bound narrowed to the type of the column that
// owns it (a bigint sequence behind an integer key ends at 2^31 - 1). lastValue is empty when
// the sequence was never used or the role may not read it (readable).
struct SequenceHeadroom
{
    QString schema;
    QString sequence;
    QString dataType;
    QString lastValue;
    QString bound;
    qint64 increment = 1;
    bool cycles = false;
    QString ownerTable;
    QString ownerColumn;
    QString columnType;
    bool readable = true;
    QString remaining; // values left after the last one given; empty when not readable
    double used = 0; // 0..1
};

} // namespace uaip
