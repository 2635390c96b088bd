#pragma once

#include <algorithm>
#include <future>
#include <thread>
#include <vector>

namespace uaip {

// Runs work(i) for i in [0, n) on up to one thread per core (at most 8), item i on thread
// i % threads; on the calling thread alone when there are fewer than minimumForThreads items.
// work must be safe to run concurrently for different i (each writes only its own slot).
class ParallelFor
{
public:
    template<typename Work>
    static void run(int n, int minimumForThreads, const Work &work)
    {
        const int threads = std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
        if (n < minimumForThreads || threads == 1) {
            for (int i = 0; i < n; ++i)
                work(i);
            return;
        }
        std::vector<std::future<void>> running;
        for (int t = 1; t < threads; ++t)
            running.push_back(std::async(std::launch::async, [&work, n, threads, t] {
                for (int i = t; i < n; i += threads)
                    work(i);
            }));
        for (int i = 0; i < n; i += threads) // the calling thread takes its share too
            work(i);
        for (auto &r : running)
            r.get();
    }
};

} // namespace uaip
