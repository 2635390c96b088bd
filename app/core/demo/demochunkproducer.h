#pragma once

#include "copyrowwriter.h"
#include "demochunk.h"
#include "demodatagenerator.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace uaip {

// Generates the COPY chunks of every table, in load order, on a thread of its own, a few
// chunks ahead of the consumer (bounded queue), so generating rows overlaps with sending them
// and with the server's work. Without a thread (threaded = false) chunks are made on demand.
// Either way the chunks are the same bytes.
class DemoChunkProducer
{
public:
    DemoChunkProducer(const DemoDataPlan &plan, const DemoDataOptions &options,
                      qsizetype chunkBytes, CopyRowWriter::Format format, bool threaded,
                      int queueDepth = 3);
    ~DemoChunkProducer();
    DemoChunkProducer(const DemoChunkProducer &) = delete;
    DemoChunkProducer &operator=(const DemoChunkProducer &) = delete;

    // The next chunk, in order; false when every table is done or after stop().
    bool next(DemoChunk *chunk);
    // Stops the thread (discarding queued chunks); next() returns false afterwards.
    void stop();

private:
    bool make(DemoChunk *chunk); // the next chunk from the generator; false when done
    void run();

    DemoDataGenerator m_generator;
    qsizetype m_chunkBytes;
    CopyRowWriter::Format m_format;
    int m_table = 0; // index into kDemoTables of the table being generated
    bool m_threaded;
    std::size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<DemoChunk> m_queue;
    bool m_done = false; // producer finished every table
    bool m_stopped = false; // consumer asked to stop
    std::thread m_thread;
};

} // namespace uaip
