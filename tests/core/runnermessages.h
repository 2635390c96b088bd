#pragma once

// The progress lines a MigrationRunner emits (its message signal, from the runner's thread),
// kept for a test's checks (tst_migrationlockretry, tst_blockersnamed).
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>

#include <algorithm>

namespace uaip::test {

struct RunnerMessages
{
    QMutex mutex;
    QStringList lines;

    void add(const QString &line)
    {
        const QMutexLocker lock(&mutex);
        lines << line;
    }
    QString text()
    {
        const QMutexLocker lock(&mutex);
        return lines.join(u'\n');
    }
    // How many lines hold the words (a lock attempt's "not obtained within").
    int count(QLatin1String words)
    {
        const QMutexLocker lock(&mutex);
        return int(std::count_if(lines.cbegin(), lines.cend(),
                                 [&](const QString &l) { return l.contains(words); }));
    }
};

} // namespace uaip::test
