// The Prompts view's list benchmark (run by hand, offscreen): the data of bench_prompts
// (N prompts, default 10,000, with V versions each, default 10, and I interactions, default
// 100,000), a PromptsView on its own session as the GUI has; times, median of R runs after a
// warm-up, refresh() to the rows in the model and painted (listLoaded; the same
// PromptLister::list call bench_prompts times, then the model and the table), and to the
// usage columns filled in by the second task (usageLoaded). Target: rows shown <= 100 ms.
// Usage: bench_prompts_view [prompts] [versions] [interactions] [runs]
#include "promptbenchdata.h"
#include "prompts/promptlister.h"
#include "prompts/promptlistmodel.h"
#include "prompts/promptsview.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace uaip;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int prompts = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    const int versions = argc > 2 ? QByteArray(argv[2]).toInt() : 10;
    const int interactions = argc > 3 ? QByteArray(argv[3]).toInt() : 100000;
    const int runs = argc > 4 ? QByteArray(argv[4]).toInt() : 7;
    bench::PromptBenchData data;
    if (!data.load(prompts, versions, interactions))
        return 1;
    // The lister alone on the bench's connection, as bench_prompts measures it.
    PromptLister lister(data.c);
    PromptListFilter opening;
    opening.withUsage = false;
    const auto [listMs, listMin] = bench::time(runs, [&] { lister.list(opening); });
    std::printf("PromptLister::list as the list opens: median %.1f ms, min %.1f ms\n", listMs,
                listMin);

    // The Prompts view: refresh() -> rows in the model and painted (listLoaded), then the
    // usage columns (usageLoaded). Its own session on the same database, as the GUI has.
    PromptsView view;
    view.resize(1400, 900);
    view.show();
    QSignalSpy listed(&view, &PromptsView::listLoaded);
    QSignalSpy used(&view, &PromptsView::usageLoaded);
    view.setTarget(SessionSpec::from(data.sandbox->profile(QStringLiteral("bench")), QString(),
                                     QStringLiteral("bench")));
    if (!QTest::qWaitFor([&] { return used.size() > 0; }, 60000)) {
        std::fprintf(stderr, "the view did not list: %s\n", qPrintable(view.statusText()));
        return 1;
    }
    std::vector<double> shownMs, usageMsList;
    for (int i = 0; i < runs + 1; ++i) {
        listed.clear();
        used.clear();
        QElapsedTimer t;
        t.start();
        view.refresh();
        if (!QTest::qWaitFor([&] { return listed.size() > 0; }, 60000))
            return 1;
        view.list()->viewport()->repaint(); // the rows drawn
        const double shown = double(t.nsecsElapsed()) / 1e6;
        if (!QTest::qWaitFor([&] { return used.size() > 0; }, 60000))
            return 1;
        view.list()->viewport()->repaint();
        if (i > 0) { // the first is the warm-up
            shownMs.push_back(shown);
            usageMsList.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }
    const double viewMs = bench::median(shownMs);
    std::printf("Prompts view: refresh() to %d rows shown: median %.1f ms, min %.1f ms, %.2fx "
                "the lister; usage columns filled in after median %.1f ms\n",
                view.model()->rowCount(), viewMs, *std::min_element(shownMs.begin(), shownMs.end()),
                viewMs / listMs, bench::median(usageMsList));
    const bool pass = viewMs <= 100;
    std::printf("%s\n", pass ? "target met" : "TARGET MISSED");
    return pass ? 0 : 3;
}
