#pragma once

#include "demoactivitygenerator.h"
#include "democonversationgenerator.h"
#include "demodataoptions.h"
#include "demodataplan.h"
#include "demoentitygenerator.h"
#include "demoseriesgenerator.h"
#include "demoworkgenerator.h"

#include <QtGlobal>

#include <array>

namespace uaip {

class CopyRowWriter;

// The demo data set of a plan and options, table by table, as COPY rows. Streams: fill()
// appends the next rows of a table to a buffer until it reaches a size, keeping only a cursor
// per table, so ten million rows never sit in memory. Deterministic: the same plan and
// options give byte-identical rows, however the calls are chunked.
class DemoDataGenerator
{
public:
    DemoDataGenerator(const DemoDataPlan &plan, const DemoDataOptions &options);

    const DemoDataPlan &plan() const { return m_plan; }
    const DemoDataOptions &options() const { return m_options; }

    // Appends rows of 'table' until w's buffer holds at least targetBytes or the table is
    // complete; returns the number of rows appended.
    qint64 fill(DemoTable table, CopyRowWriter &w, qsizetype targetBytes);
    qint64 written(DemoTable table) const { return m_cursors[std::size_t(table)].row; }
    bool finished(DemoTable table) const { return written(table) >= m_plan.rowsOf(table); }
    void rewind(DemoTable table) { m_cursors[std::size_t(table)] = Cursor{}; }

private:
    struct Cursor
    {
        qint64 row = 0; // next row of the table
        qint64 group = 0; // discussion, session or series of that row
        int item = 0; // position in the group
        int groupLength = 0;
    };

    // Writes the row at c of 'table' and moves c's group and item on (fill() moves its row).
    void writeRow(DemoTable table, Cursor &c, CopyRowWriter &w);
    static void nextItem(Cursor &c, int groupLength);

    DemoDataPlan m_plan;
    DemoDataOptions m_options;
    DemoEntityGenerator m_entities;
    DemoActivityGenerator m_activity;
    DemoSeriesGenerator m_series;
    DemoWorkGenerator m_work;
    DemoConversationGenerator m_conversations;
    std::array<Cursor, kDemoTableCount> m_cursors{};
};

} // namespace uaip
