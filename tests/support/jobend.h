#pragma once

#include "jobs/job.h"

#include <QObject>

#include <memory>

namespace uaip::test {

// How a job ended, read from the job as it finished: its worker deletes a job soon after
// finished(), so a test asks this rather than the job.
struct JobEnd
{
    bool finished = false;
    int times = 0; // how often finished() came: once, for every job
    bool ok = false;
    QString summary;
    Error error;
};

// Call it before the job is posted. Filled on the thread the job lives on (the test's), by a
// queued slot that runs before the worker's deleteLater of the job: wait for end->finished
// with a loop that processes events (QTRY_VERIFY, QTest::qWaitFor).
inline std::shared_ptr<JobEnd> watchEnd(Job *job)
{
    auto end = std::make_shared<JobEnd>();
    QObject::connect(job, &Job::finished, job, [end, job](bool ok, const QString &summary) {
        end->ok = ok;
        end->summary = summary;
        end->error = job->error();
        end->finished = true;
        ++end->times;
    });
    return end;
}

} // namespace uaip::test
