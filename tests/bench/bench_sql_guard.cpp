// Benchmark: the read-only guard of `uaip-migrate sql` (issue 62), in one run on a fresh sandbox
// (fsync off):
// - N one-row SELECTs (each reads a row of a table by its key) through `sql -f FILE`, plain and
//   with --read-only: the guard's cost in ms a statement over the plain run (target <= 1 ms);
// - one SELECT with an IN list of M constants under --read-only, against psql -X -f of the same
//   file (target <= 2x psql).
// Every repetition runs each program once, in turn; the medians of the paired differences and
// ratios are printed.
//   bench_sql_guard [N=200] [repetitions=5] [M=200000]
#include "benchratios.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

using namespace uaip;
using namespace uaip::bench;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
}

// N one-row SELECTs, each a row of items by its key, with a string literal (the guard checks
// domains' literal CHECKs then) and the key as a constant.
QByteArray oneRowSelects(int n)
{
    QByteArray s;
    for (int i = 1; i <= n; ++i)
        s += "SELECT id, name FROM items WHERE id = " + QByteArray::number(i)
            + " AND name <> 'none';\n";
    return s;
}

// One SELECT with m constants in an IN list.
QByteArray inList(int m)
{
    QByteArray s = "SELECT count(*) FROM items WHERE id IN (";
    for (int i = 1; i <= m; ++i) {
        if (i > 1)
            s += ", ";
        s += QByteArray::number(i);
    }
    return s + ");\n";
}

// The differences of ours minus theirs, run by run.
QList<double> differences(const QList<double> &ours, const QList<double> &theirs)
{
    QList<double> d;
    for (qsizetype i = 0; i < ours.size(); ++i)
        d << ours[i] - theirs[i];
    return d;
}

// The database "bench" of the sandbox with the table the SELECTs read (10,000 rows, analyzed):
// its conninfo.
QString benchDatabase(Sandbox &sandbox)
{
    if (const Status made = sandbox.createDatabase(QStringLiteral("bench")); !made)
        qFatal("%s", qPrintable(made.error().toString()));
    const QString conninfo = sandbox.conninfo(QStringLiteral("bench"));
    PgConnection c;
    if (!c.open(conninfo))
        qFatal("%s", qPrintable(c.connectionError()));
    const PgResult r = c.execScript("CREATE TABLE items (id int PRIMARY KEY, name text NOT "
                                    "NULL);"
                                    "INSERT INTO items SELECT g, 'item ' || g FROM "
                                    "generate_series(1, 10000) g");
    if (!r.ok())
        qFatal("setup: %s", qPrintable(r.error().toString()));
    c.exec("VACUUM ANALYZE items");
    return conninfo;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 200;
    const int reps = argc > 2 ? QByteArray(argv[2]).toInt() : 5;
    const int m = argc > 3 ? QByteArray(argv[3]).toInt() : 200000;
    QTextStream out(stdout);

    QTemporaryDir work;
    Sandbox sandbox(work.path() + QStringLiteral("/sandbox"));
    if (const Status started = sandbox.start(Sandbox::Options{false, false}); !started)
        qFatal("sandbox: %s", qPrintable(started.error().toString()));
    const QString conninfo = benchDatabase(sandbox);
    const QString selects = work.path() + QStringLiteral("/selects.sql");
    const QString in = work.path() + QStringLiteral("/in.sql");
    writeFile(selects, oneRowSelects(n));
    writeFile(in, inList(m));

    const QString migrate
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/uaip-migrate");
    // psql itself, not Debian's pg_wrapper on PATH (a Perl script that adds ~40 ms a run)
    const QString psql = QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql"));
    const QStringList ours{QStringLiteral("--db"), conninfo};
    out << "bench_sql_guard: " << n << " one-row SELECTs, an IN list of " << m << " constants, "
        << reps << " repetitions, PostgreSQL sandbox over a Unix socket\n"
        << Qt::flush;

    QList<double> plain, guarded, inGuarded, inPsql;
    for (int r = 0; r < reps; ++r) {
        plain << timeProcess(
            migrate, ours + QStringList{QStringLiteral("sql"), QStringLiteral("-f"), selects});
        guarded << timeProcess(migrate,
                               ours
                                   + QStringList{QStringLiteral("sql"),
                                                 QStringLiteral("--read-only"),
                                                 QStringLiteral("-f"), selects});
        inPsql << timeProcess(psql,
                              {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                               QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), conninfo,
                               QStringLiteral("-f"), in});
        inGuarded << timeProcess(migrate,
                                 ours
                                     + QStringList{QStringLiteral("sql"),
                                                   QStringLiteral("--read-only"),
                                                   QStringLiteral("-f"), in});
        out << QStringLiteral("  run %1: %2 SELECTs plain %3 ms, --read-only %4 ms | IN list "
                              "psql %5 ms, --read-only %6 ms\n")
                   .arg(r + 1)
                   .arg(n)
                   .arg(plain.last(), 0, 'f', 1)
                   .arg(guarded.last(), 0, 'f', 1)
                   .arg(inPsql.last(), 0, 'f', 1)
                   .arg(inGuarded.last(), 0, 'f', 1)
            << Qt::flush;
    }
    const double perStatement = median(differences(guarded, plain)) / n;
    out << QStringLiteral("median %1 SELECTs: plain %2 ms, --read-only %3 ms\n")
               .arg(n)
               .arg(median(plain), 0, 'f', 1)
               .arg(median(guarded), 0, 'f', 1);
    out << QStringLiteral("read-only guard: %1 ms a statement over the plain run (paired; "
                          "target <= 1.00)\n")
               .arg(perStatement, 0, 'f', 2);
    out << QStringLiteral("IN list of %1: psql %2 ms, --read-only %3 ms, ratio %4 (paired; "
                          "target <= 2.00)\n")
               .arg(m)
               .arg(median(inPsql), 0, 'f', 1)
               .arg(median(inGuarded), 0, 'f', 1)
               .arg(paired(inGuarded, inPsql), 0, 'f', 2);
    sandbox.stop();
    return 0;
}
