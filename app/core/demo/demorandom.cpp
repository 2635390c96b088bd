#include "demorandom.h"

#include <cmath>
#include <numbers>

namespace uaip {

quint64 DemoRandom::mix(quint64 x)
{
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

DemoRandom DemoRandom::forRow(quint64 seed, int stream, qint64 index)
{
    return DemoRandom(
        mix(mix(seed ^ 0x5eed5eed5eed5eedULL) + quint64(stream) * 0x9e3779b97f4a7c15ULL)
        ^ mix(quint64(index) + 0x632be59bd9b4e019ULL));
}

std::pair<quint64, quint64> DemoRandom::uuid(quint64 seed, int stream, qint64 index)
{
    DemoRandom r = forRow(seed, 1000 + stream, index);
    quint64 hi = r.next();
    quint64 lo = r.next();
    hi = (hi & ~0xf000ULL) | 0x4000ULL; // version 4
    lo = (lo & ~(0xc000ULL << 48)) | (0x8000ULL << 48); // RFC 4122 variant
    return {hi, lo};
}

quint64 DemoRandom::next()
{
    m_state += 0x9e3779b97f4a7c15ULL;
    return mix(m_state);
}

double DemoRandom::uniform()
{
    return double(next() >> 11) * 0x1.0p-53;
}

qint64 DemoRandom::between(qint64 lo, qint64 hi)
{
    if (hi <= lo)
        return lo;
    const quint64 span = quint64(hi - lo) + 1;
    return lo + qint64(next() % span);
}

double DemoRandom::normal()
{
    const double u1 = 1.0 - uniform(); // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

const char *DemoRandom::weighted(std::initializer_list<std::pair<const char *, int>> items)
{
    int total = 0;
    for (const auto &item : items)
        total += item.second;
    qint64 x = between(0, total - 1);
    for (const auto &item : items) {
        if (x < item.second)
            return item.first;
        x -= item.second;
    }
    return items.begin()->first;
}

} // namespace uaip
