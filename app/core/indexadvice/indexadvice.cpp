#include "indexadvice.h"

namespace uaip {

namespace {

const IndexAdvice::Served *best(const QList<IndexAdvice::Served> &served)
{
    const IndexAdvice::Served *top = nullptr;
    for (const IndexAdvice::Served &s : served)
        if (!top
            || s.calls * (s.costBefore - s.costAfter)
                > top->calls * (top->costBefore - top->costAfter))
            top = &s;
    return top;
}

} // namespace

double IndexAdvice::costBefore() const
{
    const Served *s = best(served);
    return s ? s->costBefore : 0;
}

double IndexAdvice::costAfter() const
{
    const Served *s = best(served);
    return s ? s->costAfter : 0;
}

double IndexAdvice::saving() const
{
    double total = 0;
    for (const Served &s : served)
        total += s.calls * (s.costBefore - s.costAfter);
    return total;
}

} // namespace uaip
