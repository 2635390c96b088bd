#pragma once
// What the benchmarks that time programs share: a program's run in ms (a failed run ends the
// benchmark with its output), a median, and the median of paired ratios.
#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QStringList>

#include <algorithm>

namespace uaip::bench {

inline double timeProcess(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    p.waitForFinished(-1);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("%s %s failed (exit %d): %s", qPrintable(program), qPrintable(args.join(u' ')),
               p.exitCode(), p.readAll().right(4000).constData());
    return ms;
}

inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// The median of each run's ours over the baseline run beside it (both met the same load).
inline double paired(const QList<double> &ours, const QList<double> &theirs)
{
    QList<double> ratios;
    for (qsizetype i = 0; i < ours.size(); ++i)
        ratios << ours[i] / theirs[i];
    return median(ratios);
}

} // namespace uaip::bench
