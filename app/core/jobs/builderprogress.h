#pragma once

#include "job.h"
#include "jobcontext.h"

#include <QObject>

namespace uaip {

// What the jobs that run a builder on the sandbox share (DriftMigrationJob, IndexMigrationJob,
// OnlineChangeJob): each step the builder announces (its progress(QString) signal, sent on the
// job's thread) becomes the job's progress text and a line of its log.
template<typename Builder>
void showBuilderProgress(Job *job, JobContext &context, Builder &builder)
{
    QObject::connect(
        &builder, &Builder::progress, job,
        [&context](const QString &step) {
            context.progress(0, 0, step);
            context.log(step);
        },
        Qt::DirectConnection);
}

} // namespace uaip
