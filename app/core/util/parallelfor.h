#pragma once

#include <QSemaphore>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <vector>

namespace uaip {

// Runs work(i) for i in [0, n) on Qt's global thread pool, item i in share i % shares (one share
// per pool thread, at most 8); on the calling thread alone when there are fewer than
// minimumForThreads items. The calling thread runs its own share and takes back every share no
// pool thread has started yet, so a caller that is itself a pool thread never waits on a queue
// its own work fills. work must be safe to run concurrently for different i (each writes only
// its own slot).
class ParallelFor
{
public:
    template<typename Work>
    static void run(int n, int minimumForThreads, const Work &work)
    {
        QThreadPool *pool = QThreadPool::globalInstance();
        const int shares = std::clamp(pool->maxThreadCount(), 1, 8);
        if (n < minimumForThreads || shares == 1) {
            for (int i = 0; i < n; ++i)
                work(i);
            return;
        }
        const auto share = [&work, n, shares](int first) {
            for (int i = first; i < n; i += shares)
                work(i);
        };
        QSemaphore done;
        std::vector<std::unique_ptr<QRunnable>> tasks;
        for (int s = 1; s < shares; ++s) {
            tasks.emplace_back(QRunnable::create([&share, &done, s] {
                share(s);
                done.release();
            }));
            tasks.back()->setAutoDelete(false);
            pool->start(tasks.back().get());
        }
        share(0);
        for (const auto &task : tasks)
            if (pool->tryTake(task.get()))
                task->run(); // not started by the pool: run here (it releases done too)
        done.acquire(shares - 1);
    }
};

} // namespace uaip
