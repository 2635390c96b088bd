// Benchmark: the peak memory of `uaip-migrate up` for one big migration file, against the
// file's size (target: peak RSS <= 3x the largest file; issue 32, point 12) and against psql -1 -f
// of the same file. Not a timed test: each case runs once on a fresh database, and the peak
// resident set of the process (wait4's ru_maxrss) is printed with its ratio to the file.
//   bench_migrate_memory [MiB=50] [case...]     cases: inserts, batches, copy, notx (all)
// inserts: single-row INSERTs (~100 bytes each); batches: INSERTs of 1000 rows; copy: one COPY
// with inline rows; notx: the single-row INSERTs with -- uaip:no-transaction.
#include "db/sandbox.h"
#include "migrationfolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <vector>

extern char **environ;

using namespace uaip;

namespace {

constexpr auto kTable = "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, "
                        "payload text NOT NULL);\n";

// A row's text: ~100 bytes of plain data.
QByteArray payload(qint64 i)
{
    return "payload-" + QByteArray::number(i * 7919 % 1000003).rightJustified(12, '0')
        + "-lorem-ipsum-dolor-sit-amet-consectetur-adipiscing-elit-sed-do";
}

// Writes the migration to path a piece at a time; returns its size. The benchmark itself stays
// small: posix_spawn shares this process's memory until exec, and Linux counts the peak of
// that shared memory in the child's ru_maxrss.
qint64 generate(const QString &kind, qint64 bytes, const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    qint64 written = 0;
    QByteArray sql;
    auto flush = [&] {
        written += f.write(sql);
        sql.clear();
    };
    if (kind == u"notx")
        sql += "-- uaip:no-transaction\n";
    if (kind == u"copy")
        sql += "COPY items (id, name, payload) FROM stdin;\n";
    qint64 i = 0;
    while (written + sql.size() < bytes) {
        if (kind == u"copy") {
            ++i;
            sql += QByteArray::number(i) + "\titem " + QByteArray::number(i) + '\t' + payload(i)
                + '\n';
        } else if (kind == u"batches") {
            sql += "INSERT INTO items (id, name, payload) VALUES\n";
            for (int r = 0; r < 1000; ++r, ++i)
                sql += (r ? ",\n(" : "(") + QByteArray::number(i + 1) + ", 'item "
                    + QByteArray::number(i + 1) + "', '" + payload(i + 1) + "')";
            sql += ";\n";
        } else {
            ++i;
            sql += "INSERT INTO items (id, name, payload) VALUES (" + QByteArray::number(i)
                + ", 'item " + QByteArray::number(i) + "', '" + payload(i) + "');\n";
        }
        if (sql.size() > (1 << 20))
            flush();
    }
    if (kind == u"copy")
        sql += "\\.\n";
    flush();
    return written;
}

struct Run
{
    int exitCode = -1;
    long peakKiB = 0; // ru_maxrss of this process alone
};

Run run(const QString &program, const QStringList &args)
{
    std::vector<QByteArray> storage{program.toLocal8Bit()};
    for (const QString &a : args)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    Run r;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        qFatal("cannot start %s", argv[0]);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid)
        qFatal("wait4 failed");
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.peakKiB = usage.ru_maxrss;
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 mib = argc > 1 ? QByteArray(argv[1]).toLongLong() : 50;
    QStringList cases;
    for (int i = 2; i < argc; ++i)
        cases << QString::fromLocal8Bit(argv[i]);
    if (cases.isEmpty())
        cases = {QStringLiteral("inserts"), QStringLiteral("batches"), QStringLiteral("copy"),
                 QStringLiteral("notx")};
    QTextStream out(stdout);
    const QString migrate
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/uaip-migrate");
    const QString psql = QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql"));

    QTemporaryDir work;
    Sandbox sandbox(work.path() + QStringLiteral("/sandbox"));
    if (const Status started = sandbox.start(Sandbox::Options{false, false}); !started)
        qFatal("sandbox: %s", qPrintable(started.error().toString()));
    out << "bench_migrate_memory: " << mib << " MiB files; peak RSS of the whole process\n"
        << Qt::flush;
    int db = 0;
    auto fresh = [&] {
        const QString name = QStringLiteral("mem_%1").arg(++db);
        if (const Status made = sandbox.createDatabase(name, QStringLiteral("template0")); !made)
            qFatal("%s", qPrintable(made.error().toString()));
        return sandbox.conninfo(name);
    };
    // a run that loads no file: what the process costs by itself
    {
        test::MigrationFolder empty;
        empty.add(QStringLiteral("0001_items"), kTable, "DROP TABLE items;\n");
        const Run base = run(migrate,
                             {QStringLiteral("--db"), fresh(), QStringLiteral("--dir"),
                              empty.path(), QStringLiteral("up")});
        out << QStringLiteral("  baseline (one tiny migration): %1 MiB\n")
                   .arg(double(base.peakKiB) / 1024, 0, 'f', 1)
            << Qt::flush;
    }
    for (const QString &kind : std::as_const(cases)) {
        test::MigrationFolder folder;
        folder.add(QStringLiteral("0001_items"), kTable, "DROP TABLE items;\n");
        folder.add(QStringLiteral("0002_data"), "SELECT 1;\n", "DELETE FROM items;\n");
        const QString file = folder.path() + QStringLiteral("/0002_data/up.sql");
        const double fileMiB = double(generate(kind, mib << 20, file)) / (1 << 20);
        const Run ours = run(migrate,
                             {QStringLiteral("--db"), fresh(), QStringLiteral("--dir"),
                              folder.path(), QStringLiteral("up")});
        const QString c = fresh();
        run(psql,
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), c,
             QStringLiteral("-c"), QString::fromLatin1(kTable)});
        const Run theirs = run(psql,
                               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-1"),
                                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                QStringLiteral("-d"), c, QStringLiteral("-f"), file});
        if (ours.exitCode != 0 || theirs.exitCode != 0)
            qFatal("%s: uaip-migrate exit %d, psql exit %d", qPrintable(kind), ours.exitCode,
                   theirs.exitCode);
        const double peak = double(ours.peakKiB) / 1024;
        out << QStringLiteral("  %1: file %2 MiB; uaip-migrate up peak %3 MiB, ratio %4 (target "
                              "<= 3.0); psql -1 -f peak %5 MiB\n")
                   .arg(kind, -7)
                   .arg(fileMiB, 0, 'f', 1)
                   .arg(peak, 0, 'f', 1)
                   .arg(peak / fileMiB, 0, 'f', 2)
                   .arg(double(theirs.peakKiB) / 1024, 0, 'f', 1)
            << Qt::flush;
    }
    sandbox.stop();
    return 0;
}
