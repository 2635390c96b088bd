#include "demochunkproducer.h"

namespace uaip {

DemoChunkProducer::DemoChunkProducer(const DemoDataPlan &plan, const DemoDataOptions &options,
                                     qsizetype chunkBytes, CopyRowWriter::Format format,
                                     bool threaded, int queueDepth)
    : m_generator(plan, options)
    , m_chunkBytes(qMax<qsizetype>(chunkBytes, 1024))
    , m_format(format)
    , m_threaded(threaded)
    , m_depth(std::size_t(qMax(queueDepth, 1)))
{
    if (m_threaded)
        m_thread = std::thread([this] { run(); });
}

DemoChunkProducer::~DemoChunkProducer()
{
    stop();
}

bool DemoChunkProducer::make(DemoChunk *chunk)
{
    if (m_table >= kDemoTableCount)
        return false;
    const DemoTable table = kDemoTables[std::size_t(m_table)];
    chunk->table = table;
    chunk->data.clear();
    // Reserve a little more than a chunk: the row that crosses the target still fits.
    chunk->data.reserve(m_chunkBytes + 64 * 1024);
    CopyRowWriter w(&chunk->data, m_format);
    chunk->rows = m_generator.fill(table, w, m_chunkBytes);
    chunk->lastOfTable = m_generator.finished(table);
    if (chunk->lastOfTable)
        ++m_table;
    return true;
}

void DemoChunkProducer::run()
{
    while (true) {
        DemoChunk chunk;
        const bool more = make(&chunk);
        std::unique_lock lock(m_mutex);
        if (!more) {
            m_done = true;
            m_changed.notify_all();
            return;
        }
        m_changed.wait(lock, [this] { return m_stopped || m_queue.size() < m_depth; });
        if (m_stopped)
            return;
        m_queue.push_back(std::move(chunk));
        m_changed.notify_all();
    }
}

bool DemoChunkProducer::next(DemoChunk *chunk)
{
    if (!m_threaded)
        return !m_stopped && make(chunk);
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopped || m_done || !m_queue.empty(); });
    if (m_stopped || m_queue.empty())
        return false;
    *chunk = std::move(m_queue.front());
    m_queue.pop_front();
    m_changed.notify_all();
    return true;
}

void DemoChunkProducer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_queue.clear();
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace uaip
