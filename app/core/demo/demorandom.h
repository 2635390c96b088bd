#pragma once

#include <QtGlobal>

#include <cstddef>
#include <initializer_list>
#include <span>
#include <utility>

namespace uaip {

// The demo data's random numbers: splitmix64, seeded per (seed, stream, index) so every row
// is a pure function of the seed and its position — same seed, same data, whatever the
// chunking — and cheap enough for tens of millions of rows.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 state)
        : m_state(state)
    { }

    // An independent generator for row 'index' of stream 'stream' (a table, a series kind).
    static DemoRandom forRow(quint64 seed, int stream, qint64 index);
    // A version-4-shaped UUID (hi, lo) for row 'index' of 'stream'; stable for a given seed.
    static std::pair<quint64, quint64> uuid(quint64 seed, int stream, qint64 index);
    // splitmix64's output function: a well-mixed 64-bit hash of x.
    static quint64 mix(quint64 x);

    quint64 next();
    double uniform(); // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    qint64 between(qint64 lo, qint64 hi); // inclusive
    bool chance(double probability) { return uniform() < probability; }
    double normal(); // standard normal (Box-Muller)
    // One of the items, each as likely as its weight: weighted({{"a", 3}, {"b", 1}}).
    const char *weighted(std::initializer_list<std::pair<const char *, int>> items);
    template<typename T>
    const T &pick(std::span<const T> items)
    {
        return items[std::size_t(between(0, qint64(items.size()) - 1))];
    }

private:
    quint64 m_state;
};

} // namespace uaip
