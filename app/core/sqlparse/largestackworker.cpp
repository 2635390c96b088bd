#include "largestackworker.h"

#include <QThread>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>

namespace uaip {

namespace {

struct Task
{
    const std::function<void()> *work = nullptr;
    std::exception_ptr failure; // what the work threw, thrown again in its caller
    bool done = false;
};

class Worker
{
public:
    Worker()
        : m_thread(QThread::create([this] { loop(); }))
    {
        m_thread->setStackSize(LargeStackWorker::stackBytes);
        m_thread->start();
    }

    ~Worker()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_thread->wait();
    }

    void run(const std::function<void()> &work)
    {
        if (QThread::currentThread() == m_thread.get()) {
            work();
            return;
        }
        Task task;
        task.work = &work;
        std::unique_lock lock(m_mutex);
        m_queue.push_back(&task);
        m_wake.notify_all();
        m_done.wait(lock, [&task] { return task.done; });
        if (task.failure)
            std::rethrow_exception(task.failure);
    }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, nothing left
            Task *task = m_queue.front();
            m_queue.pop_front();
            lock.unlock();
            try {
                (*task->work)();
            } catch (...) {
                task->failure = std::current_exception();
            }
            lock.lock();
            task->done = true;
            m_done.notify_all();
        }
    }

    std::unique_ptr<QThread> m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<Task *> m_queue;
    bool m_stopping = false;
};

} // namespace

void LargeStackWorker::run(const std::function<void()> &work)
{
    // Never destroyed: a thread still parsing while the process exits must not meet a destroyed
    // queue (the OS ends the worker with the process).
    static Worker *const worker = new Worker;
    worker->run(work);
}

} // namespace uaip
