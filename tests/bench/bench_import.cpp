// Benchmark: uaip-migrate import-migrations against psql's apply of the same files, in one run,
// on one sandbox (durable, as a user's: fsync on). The baseline is psql -X in one session
// applying each migration file in a transaction of its own (BEGIN; \i file; COMMIT) on a fresh
// database: what the tool's own users run. Ours: import-migrations of the same folder into a
// new directory (every missing down.sql generated from the schema difference and proved by a
// round trip on a scratch database of the sandbox), then the same with --verify against the
// database psql applied the files to. Prints every
// run's times and the medians of the paired ratios (target: import <= 5x, --verify <= 6x).
//   bench_import [N=60] [repetitions=3]      N generated Prisma migrations (no downs)
//   bench_import TOOL DIR [repetitions=3]    a real history: prisma (a project's
//                                            prisma/migrations), golang-migrate (*.up.sql)
//                                            or sqlx (up-only <version>_<name>.sql)
// The generated history cycles through what real ones hold: tables with enums, foreign keys and
// indexes, added and dropped columns (a dropped column's down adds it at the end: its round
// trip fails on column order, as a real one does), renamed columns, seed rows.
#include "benchratios.h"
#include "db/sandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace uaip;
using namespace uaip::bench;

namespace {

// Migration i's up.sql, Prisma's way (no down).
QByteArray step(int i)
{
    const QByteArray t = "\"Entity" + QByteArray::number(i) + "\"";
    const QByteArray prev = "\"Entity" + QByteArray::number(i - 1) + "\"";
    switch (i % 6) {
    case 1:
        return "CREATE TYPE \"Status" + QByteArray::number(i)
            + "\" AS ENUM ('DRAFT', 'ACTIVE');\n"
              "CREATE TABLE "
            + t
            + " (\n    \"id\" SERIAL NOT NULL,\n    \"name\" TEXT NOT NULL,\n"
              "    \"status\" \"Status"
            + QByteArray::number(i)
            + "\" NOT NULL DEFAULT 'DRAFT',\n"
              "    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
              "    CONSTRAINT \"Entity"
            + QByteArray::number(i) + "_pkey\" PRIMARY KEY (\"id\")\n);\n";
    case 2:
        return "CREATE TABLE " + t
            + " (\n    \"id\" SERIAL NOT NULL,\n    \"parentId\" INTEGER NOT NULL,\n"
              "    \"data\" JSONB,\n    CONSTRAINT \"Entity"
            + QByteArray::number(i)
            + "_pkey\" PRIMARY KEY (\"id\")\n);\n"
              "CREATE INDEX \"Entity"
            + QByteArray::number(i) + "_parentId_idx\" ON " + t
            + "(\"parentId\");\n"
              "ALTER TABLE "
            + t + " ADD CONSTRAINT \"Entity" + QByteArray::number(i)
            + "_parentId_fkey\" FOREIGN KEY (\"parentId\") REFERENCES " + prev
            + "(\"id\") ON DELETE CASCADE ON UPDATE CASCADE;\n";
    case 3:
        return "ALTER TABLE " + prev
            + " ADD COLUMN \"note\" TEXT,\nADD COLUMN \"updatedAt\" TIMESTAMP(3);\n"
              "CREATE UNIQUE INDEX \"Entity"
            + QByteArray::number(i - 1) + "_parentId_key\" ON " + prev + "(\"parentId\");\n";
    case 4:
        return "ALTER TABLE \"Entity" + QByteArray::number(i - 3) + "\" DROP COLUMN \"status\";\n";
    case 5:
        return "ALTER TABLE \"Entity" + QByteArray::number(i - 3)
            + "\" RENAME COLUMN \"note\" TO \"comment\";\n";
    default:
        return "INSERT INTO \"Entity" + QByteArray::number(i - 5)
            + "\" (\"name\") SELECT 'seed ' || g FROM generate_series(1, 20) g;\n";
    }
}

// n generated migrations as Prisma keeps them: <timestamp>_<name>/migration.sql.
void generate(const QString &dir, int n)
{
    for (int i = 1; i <= n; ++i) {
        const QString folder
            = QStringLiteral("%1/2024%2_step_%3").arg(dir).arg(i, 10, 10, QLatin1Char('0')).arg(i);
        QDir().mkpath(folder);
        QFile f(folder + QStringLiteral("/migration.sql"));
        if (!f.open(QIODevice::WriteOnly) || f.write(step(i)) < 0)
            qFatal("cannot write %s", qPrintable(f.fileName()));
    }
}

// The up files of a history, in the order they run: a Prisma folder's <name>/migration.sql, or
// else golang-migrate's and dbmate-like *.up.sql.
QStringList migrationFiles(const QString &dir)
{
    QStringList files;
    const QStringList folders = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &folder : folders) {
        const QString file = dir + u'/' + folder + QStringLiteral("/migration.sql");
        if (QFileInfo::exists(file))
            files << file;
    }
    if (files.isEmpty())
        for (const QString &file :
             QDir(dir).entryList({QStringLiteral("*.up.sql")}, QDir::Files, QDir::Name))
            files << dir + u'/' + file;
    if (files.isEmpty()) // sqlx's up-only <version>_<name>.sql
        for (const QString &file :
             QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
            files << dir + u'/' + file;
    return files;
}

struct ImportBench
{
    Sandbox &sandbox;
    QString tool;
    QString source;
    QString work;
    const QString migrate
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/uaip-migrate");
    // psql itself, not Debian's pg_wrapper on PATH (a Perl script that adds ~40 ms a run)
    const QString psql = QDir(Sandbox::serverBinDir()).filePath(QStringLiteral("psql"));
    QList<double> psqlApply{}, import{}, verified{};

    // Every file in a transaction of its own, in one psql session, on a fresh database.
    double runPsql(int run)
    {
        const QString db = QStringLiteral("psql_apply_%1").arg(run);
        if (const Status made = sandbox.createDatabase(db, QStringLiteral("template0")); !made)
            qFatal("%s", qPrintable(made.error().toString()));
        const QString script = work + QStringLiteral("/apply.sql");
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(script));
        for (const QString &file : migrationFiles(source)) {
            // sqlx's "-- no-transaction" first line: the file as it is (CREATE INDEX
            // CONCURRENTLY), as sqlx runs it
            QFile in(file);
            const bool own = in.open(QIODevice::ReadOnly)
                && in.readLine().trimmed().startsWith("-- no-transaction");
            f.write(own ? "\\i '" + file.toUtf8() + "'\n"
                        : "BEGIN;\n\\i '" + file.toUtf8() + "'\nCOMMIT;\n");
        }
        f.close();
        return timeProcess(psql,
                           {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
                            sandbox.conninfo(db), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                            QStringLiteral("-f"), script});
    }

    // --verify compares the converted set's schema with the database psql applied the files to.
    double runOurs(int run, bool verify)
    {
        const QString out = work + QStringLiteral("/out_%1_%2").arg(run).arg(verify ? 1 : 0);
        QStringList args{QStringLiteral("--data-dir"),
                         sandbox.rootDir(),
                         QStringLiteral("import-migrations"),
                         QStringLiteral("--from"),
                         tool,
                         source,
                         QStringLiteral("--out"),
                         out};
        if (verify)
            args << QStringLiteral("--verify") << QStringLiteral("--db")
                 << sandbox.conninfo(QStringLiteral("psql_apply_%1").arg(run));
        return timeProcess(migrate, args);
    }

    void run(QTextStream &out, int r)
    {
        psqlApply << runPsql(r);
        import << runOurs(r, false);
        verified << runOurs(r, true);
        sandbox.dropDatabase(QStringLiteral("psql_apply_%1").arg(r));
        out << QStringLiteral("  run %1: psql apply %2 ms, import-migrations %3 ms (%4x), "
                              "--verify %5 ms (%6x)\n")
                   .arg(r + 1)
                   .arg(psqlApply.last(), 0, 'f', 0)
                   .arg(import.last(), 0, 'f', 0)
                   .arg(import.last() / psqlApply.last(), 0, 'f', 2)
                   .arg(verified.last(), 0, 'f', 0)
                   .arg(verified.last() / psqlApply.last(), 0, 'f', 2)
            << Qt::flush;
    }

    void report(QTextStream &out) const
    {
        out << QStringLiteral("median: psql apply %1 ms, import-migrations %2 ms, --verify %3 ms\n"
                              "paired ratios: import %4x (target <= 5), --verify %5x "
                              "(target <= 6)\n")
                   .arg(median(psqlApply), 0, 'f', 0)
                   .arg(median(import), 0, 'f', 0)
                   .arg(median(verified), 0, 'f', 0)
                   .arg(paired(import, psqlApply), 0, 'f', 2)
                   .arg(paired(verified, psqlApply), 0, 'f', 2);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const bool given = args.size() >= 2 && !args.value(0).front().isDigit();
    const int n = given ? 0 : args.value(0, QStringLiteral("60")).toInt();
    const int reps = args.value(given ? 2 : 1, QStringLiteral("3")).toInt();
    QTextStream out(stdout);

    QTemporaryDir work;
    Sandbox sandbox(work.path() + QStringLiteral("/sandbox"));
    if (const Status started = sandbox.start(Sandbox::Options{}); !started)
        qFatal("sandbox: %s", qPrintable(started.error().toString()));
    const QString source
        = given ? QDir(args.value(1)).absolutePath() : work.path() + QStringLiteral("/history");
    if (!given)
        generate(source, n);
    ImportBench bench{sandbox, given ? args.value(0) : QStringLiteral("prisma"), source,
                      work.path()};
    out << "bench_import: " << migrationFiles(source).size() << " migrations of " << bench.tool
        << (given ? " from " + source : QStringLiteral(" (generated)")) << ", " << reps
        << " repetitions, a durable sandbox over a Unix socket\n"
        << Qt::flush;
    for (int r = 0; r < reps; ++r)
        bench.run(out, r);
    bench.report(out);
    sandbox.stop();
    return 0;
}
