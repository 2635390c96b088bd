#pragma once

#include "demodataoptions.h"
#include "demodataplan.h"
#include "demoentitygenerator.h"

#include <QtGlobal>

namespace uaip {

class CopyRowWriter;
class DemoRandom;

// Rows of the "work" tables of the demo data: the agents' operations, the tool executions
// (some of them within an operation) and the artifacts operations produce. Every row is a
// pure function of (seed, index), like the other demo generators.
class DemoWorkGenerator
{
public:
    DemoWorkGenerator(const DemoDataPlan &plan, const DemoDataOptions &options);

    void writeOperation(qint64 i, CopyRowWriter &w) const;
    void writeToolExecution(qint64 i, CopyRowWriter &w) const;
    void writeArtifact(qint64 i, CopyRowWriter &w) const;

    // A time in the 'days' days before the anchor, in office hours more often than not.
    static qint64 recentTime(DemoRandom &r, qint64 anchor, int days);

private:
    qint64 count(DemoTable table) const { return m_plan.rowsOf(table); }
    void writeIdOf(DemoTable table, qint64 i, CopyRowWriter &w) const;

    DemoDataPlan m_plan;
    DemoDataOptions m_options;
    DemoEntityGenerator m_entities;
};

} // namespace uaip
