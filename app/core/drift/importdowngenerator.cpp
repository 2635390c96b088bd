#include "importdowngenerator.h"

#include "db/sandbox.h"
#include "db/sandboxlease.h"
#include "ddlcatalog.h"
#include "drift/migrationverifier.h"
#include "foreign/importwriter.h"
#include "foreign/refusingdown.h"
#include "ledger/migrationsource.h"
#include "migrate/migrationrunner.h"
#include "migrate/scratchdatabase.h"
#include "migrationgenerator.h"
#include "onlineformwriter.h"
#include "renameddataguard.h"
#include "util/sqlcomment.h"

#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace uaip {

namespace {

// The converted set as folders, read back as the runner reads any.
Result<QList<Migration>> load(const QList<ImportedMigration> &migrations, QTemporaryDir &dir,
                              int round)
{
    const QString path = dir.filePath(QStringLiteral("round%1").arg(round));
    const QString written = ImportWriter::write(migrations, path, false);
    if (!written.isEmpty())
        return Error(ErrorCode::Io, written, {{QStringLiteral("path"), path}});
    MigrationSource source;
    if (!source.load(path))
        return Error(ErrorCode::BadInput, source.errors().join(QStringLiteral("; ")),
                     {{QStringLiteral("path"), path}});
    return source.migrations();
}

// Each object that differs and how, the first ten: a one-line definition as before -> after
// ("~ column public.t.c: #2 text -> #5 text": it moved), else the headline.
QString whatDiffers(const QList<SchemaSnapshot::Difference> &differences)
{
    QStringList out;
    for (const SchemaSnapshot::Difference &d : differences) {
        if (out.size() >= 10)
            break;
        const bool oneLine = d.kind == SchemaSnapshot::Difference::Kind::Changed
            && !d.before.contains(u'\n') && !d.after.contains(u'\n') && d.before.size() < 160
            && d.after.size() < 160;
        out << (oneLine ? QStringLiteral("~ %1: %2 -> %3").arg(d.object, d.before, d.after)
                        : d.headline());
    }
    if (differences.size() > out.size())
        out << QStringLiteral("…");
    return out.join(QStringLiteral("; "));
}

// A runner's message on one line: a refused plan lists its problems below its first line.
QString oneLine(const QString &message)
{
    QStringList parts;
    for (const QString &line : message.split(u'\n', Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            parts << line.trimmed();
    return parts.join(QStringLiteral("; "));
}

} // namespace

// The down.sql files written while the round trips run (MigrationVerifier::DownWriter): on a
// scratch database of its own, on a thread of its own, every up.sql runs in order and the
// schema is read after each one; each missing down.sql is written from the difference to the one
// before, into a folder of its own (proof<i>/<folder>/, read back as the runner reads any),
// and handed to the verifier, which proves it on its scratch database (on the sandbox's other
// core) while the next one is written. An up.sql that fails: its down.sql and every later
// generated one refuse to run, saying so.
class ImportDownGenerator::Writer : public MigrationVerifier::DownWriter
{
public:
    Writer(const QString &toolName, QList<ImportedMigration> &migrations,
           const QList<Migration> &loaded, const LiveSizes &live, const QTemporaryDir &dir)
        : m_toolName(toolName)
        , m_migrations(migrations)
        , m_loaded(loaded)
        , m_live(live)
        , m_dir(dir)
    { }
    ~Writer() override { stop(); }

    // The scratch database opened here (the sandbox is not touched from two threads), the
    // writing on a thread of its own: at the first next(), when the verifier's scratch
    // database is open (its session logged in before any script of the set has run).
    void prepare(Sandbox &sandbox) { m_sandbox = &sandbox; }

    // Waits for the thread (it stops after the migration it is on), drops its database.
    void stop()
    {
        if (m_thread.joinable()) {
            m_thread.request_stop();
            m_thread.join();
        }
        m_scratch.reset();
    }

    Result<std::optional<Migration>> next(int i) override
    {
        if (!m_scratch) {
            m_migrations.detach(); // written there, read here: no copy made on the way
            // a login of its own: the set's code run here cannot end the prover's session,
            // nor the prover's this one (ScratchDatabase::kWriterLogin)
            m_scratch = std::make_unique<ScratchDatabase>(
                *m_sandbox, QStringLiteral("uaip_import"),
                QString::fromLatin1(ScratchDatabase::kWriterLogin));
            if (Status opened = m_scratch->open(m_loaded); !opened)
                return opened.error();
            m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
        }
        std::unique_lock lock(m_mutex);
        m_asked = i;
        m_ready.wait(lock, [&] { return m_written > i || m_done; });
        if (m_written <= i && m_error)
            return *m_error;
        if (m_written <= i || !m_proof.contains(i))
            return std::optional<Migration>(); // its up.sql failed there, or nothing to prove
        return std::optional<Migration>(m_proof.value(i));
    }

    void holdOff() override { m_login.lock(); }
    void goOn() override { m_login.unlock(); }

    // The last migration the round trips came to (-1: none).
    int asked() const
    {
        std::lock_guard lock(m_mutex);
        return m_asked;
    }

    // What the thread said, in the order of the migrations.
    QStringList notes() const
    {
        std::lock_guard lock(m_mutex);
        return m_notes;
    }

private:
    void run(const std::stop_token &stop)
    {
        const Status written = writeAll(stop);
        std::lock_guard lock(m_mutex);
        if (!written)
            m_error = written.error();
        m_done = true;
        m_ready.notify_all();
    }

    Status writeAll(const std::stop_token &stop)
    {
        auto before = DdlCatalog::take(m_scratch->connection());
        if (!before)
            return before.error();
        for (qsizetype i = 0; i < m_migrations.size() && !stop.stop_requested(); ++i) {
            std::unique_lock login(m_login);
            const RunResult up = m_scratch->runner().up(m_loaded[i].version);
            login.unlock();
            if (!up.ok()) {
                refuseFrom(i,
                           tr("%1's up.sql fails on an empty database (%2)")
                               .arg(std::as_const(m_migrations)[i].folder, oneLine(up.message)));
                return {};
            }
            auto after = DdlCatalog::take(m_scratch->connection());
            if (!after)
                return after.error();
            std::optional<Migration> proof;
            if (std::as_const(m_migrations)[i].downGenerated) {
                auto written = write(int(i), *after, *before);
                if (!written)
                    return written.error();
                proof = *written;
            }
            before = std::move(after);
            std::lock_guard lock(m_mutex);
            if (proof)
                m_proof.insert(int(i), *proof);
            m_written = int(i) + 1;
            m_ready.notify_all();
        }
        return {};
    }

    // Migration i's down.sql written (under the lock: the other thread reads the list); the
    // migration to prove read back, or none when the one written refuses to run.
    Result<std::optional<Migration>> write(int i, const DdlCatalog &after, const DdlCatalog &before)
    {
        ImportedMigration m = std::as_const(m_migrations)[i];
        QStringList said;
        writeDown(m_toolName, after, before, m_live, m, &said);
        {
            std::lock_guard lock(m_mutex);
            m_migrations[i] = m;
            m_notes << said;
        }
        if (!m.downFromSchema)
            return std::optional<Migration>(); // refuses to run: nothing to prove
        const QString path = m_dir.filePath(QStringLiteral("proof%1").arg(i));
        if (const QString error = ImportWriter::write({m}, path, false); !error.isEmpty())
            return Error(ErrorCode::Io, error, {{QStringLiteral("path"), path}});
        MigrationSource source;
        if (!source.load(path) || source.migrations().size() != 1)
            return Error(ErrorCode::BadInput, source.errors().join(QStringLiteral("; ")),
                         {{QStringLiteral("path"), path}});
        return std::optional<Migration>(source.migrations().first());
    }

    void refuseFrom(qsizetype i, const QString &why)
    {
        std::lock_guard lock(m_mutex);
        for (qsizetype j = i; j < m_migrations.size(); ++j) {
            ImportedMigration &later = m_migrations[j];
            if (!later.downGenerated)
                continue;
            m_notes << tr("%1: no down.sql generated: %2").arg(later.folder, why);
            later.downSql = RefusingDown::sql(m_toolName, later.source, why);
        }
    }

    const QString &m_toolName;
    QList<ImportedMigration> &m_migrations;
    const QList<Migration> &m_loaded;
    const LiveSizes &m_live;
    const QTemporaryDir &m_dir;
    Sandbox *m_sandbox = nullptr;
    std::unique_ptr<ScratchDatabase> m_scratch;
    std::mutex m_login; // held while an up.sql runs here, and while the verifier opens one
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    int m_written = 0; // migrations before it are written (or need none)
    int m_asked = -1;
    bool m_done = false;
    std::optional<Error> m_error;
    QHash<int, Migration> m_proof; // by index: the migrations to prove
    QStringList m_notes;
    std::jthread m_thread; // last: stopped and joined first
};

// The migrations from index 'from' on whose down.sql is still the generated one refuse to run:
// the round trips stopped before them (why: the last one's error).
static void refuseUnproved(const QString &toolName, qsizetype from, const QString &why,
                           QList<ImportedMigration> &migrations, QStringList *notes)
{
    for (qsizetype j = from; j < migrations.size(); ++j) {
        ImportedMigration &m = migrations[j];
        if (!m.downFromSchema)
            continue;
        *notes << ImportDownGenerator::tr("%1: no down.sql generated: %2").arg(m.folder, why);
        m.downSql = RefusingDown::sql(toolName, m.source, why, QString::fromUtf8(m.downSql));
        m.downFromSchema = false;
        m.downRunsNothing = false;
    }
}

Status ImportDownGenerator::generate(Sandbox &sandbox, const QString &toolName,
                                     QList<ImportedMigration> &migrations, QStringList *notes,
                                     const LiveSizes &live)
{
    bool missing = false;
    for (const ImportedMigration &m : migrations)
        missing = missing || m.downGenerated;
    if (!missing)
        return {};
    QTemporaryDir dir;
    if (!dir.isValid())
        return Error(ErrorCode::Io, tr("cannot create a temporary folder"));
    const auto loaded = load(migrations, dir, 1);
    if (!loaded)
        return loaded.error();
    SandboxLease lease(sandbox); // stopped again at the end if this started it
    if (const Status acquired = lease.acquire(); !acquired)
        return acquired;
    // Written on one scratch database, proved on another as verify proves any down.sql (up,
    // down, the schema as before, up again) while the next is written. Into a copy: an error
    // leaves the migrations and notes as they were.
    QList<ImportedMigration> written = migrations;
    QStringList said;
    {
        Writer writer(toolName, written, *loaded, live, dir);
        writer.prepare(sandbox);
        MigrationVerifier verifier(sandbox, *loaded);
        verifier.setDownWriter(&writer);
        const auto report = verifier.verify(nullptr);
        writer.stop();
        if (!report)
            return report.error();
        said = writer.notes();
        // the round trips stopped early (the migrations failed on a fresh database): the
        // generated down.sql files after the last one are not proved
        if (!report->roundTrips.isEmpty())
            refuseUnproved(toolName, writer.asked() + 1, oneLine(report->roundTrips.last().error),
                           written, &said);
        keepRefusingWhereRoundTripFails(toolName, *report, written, &said);
    }
    // The scratch folders' paths are no part of a reason: the same files from the same input
    static const QRegularExpression scratchFolder(QStringLiteral("(round1|proof[0-9]+)/"));
    const QString prefix = QRegularExpression::escape(dir.path() + u'/');
    const QRegularExpression folders(prefix + scratchFolder.pattern());
    for (QString &n : said)
        n.replace(folders, QString());
    for (ImportedMigration &m : written)
        if (m.downGenerated && !m.downFromSchema && m.downSql.contains(dir.path().toUtf8()))
            m.downSql = QString::fromUtf8(m.downSql).replace(folders, QString()).toUtf8();
    migrations = written;
    *notes << said;
    return {};
}

void ImportDownGenerator::writeDown(const QString &toolName, const DdlCatalog &after,
                                    const DdlCatalog &before, const LiveSizes &live,
                                    ImportedMigration &m, QStringList *notes)
{
    GeneratedScript down = MigrationGenerator::down(after, before, {});
    if (live.target) {
        const Result<int> online
            = OnlineFormWriter::rewriteOnLive(*live.target, live.maxRows, {&down});
        if (!online) {
            const QString why = tr("%1: down.sql written as generated: the live sizes of its "
                                   "tables cannot be read (%2)")
                                    .arg(m.folder, SqlComment::text(online.error().toString()));
            *notes << why;
            down.notes << GeneratorNote{GeneratorNote::Kind::Blocking, QString(), why};
        } else if (online.value() > 0)
            *notes << tr("%1: %n statement(s) of down.sql in the online form: the target's "
                         "tables are big, so the file runs without a transaction",
                         nullptr, online.value())
                          .arg(m.folder);
    }
    m.downSql = down.render(tr("REVIEW: written by uaip-migrate import-migrations "
                               "from the schema difference\n"
                               "%1's up.sql makes (%2 kept no down migration). "
                               "Data the up.sql\n"
                               "wrote is not removed. Check it, then remove this "
                               "header.")
                                .arg(SqlComment::text(m.source), SqlComment::text(toolName)))
                    .toUtf8();
    // Only the steps' own statements may run in the round trip below.
    if (const auto stray = down.strayStatement(m.downSql)) {
        const QString why = tr("it held a statement that is not one of its steps (%1)").arg(*stray);
        *notes << tr("%1: no down.sql generated: %2").arg(m.folder, why);
        m.downSql = RefusingDown::sql(toolName, m.source, why, QString::fromUtf8(m.downSql));
    } else if (const auto loss = RenamedDataGuard::refusal(m.upSql, down.liveSql().toUtf8())) {
        *notes << tr("%1: no down.sql generated: %2").arg(m.folder, *loss);
        m.downSql = RefusingDown::sql(toolName, m.source, *loss, QString::fromUtf8(m.downSql));
    } else {
        m.downFromSchema = true;
        m.downRunsNothing = down.steps.size() == down.heldBackCount();
    }
}

void ImportDownGenerator::keepRefusingWhereRoundTripFails(const QString &toolName,
                                                          const VerifyReport &report,
                                                          QList<ImportedMigration> &migrations,
                                                          QStringList *notes)
{
    for (const VerifyReport::RoundTrip &trip : report.roundTrips) {
        if (trip.ok)
            continue;
        for (ImportedMigration &m : migrations) {
            if (m.folder != trip.migration || !m.downFromSchema)
                continue;
            // What differed names the object and the property; an error (up.sql failing
            // again) follows from it, with its SQLSTATE.
            const QString why = !trip.differences.isEmpty()
                ? tr("the schema was not restored: %1").arg(whatDiffers(trip.differences))
                : trip.error.section(u'\n', 0, 0);
            *notes << tr("%1: the generated down.sql did not pass its round trip (%2), so it "
                         "refuses to run")
                          .arg(m.folder, SqlComment::text(why));
            m.downSql = RefusingDown::sql(
                toolName, m.source,
                tr("the generated down.sql did not pass its round trip: %1").arg(why),
                QString::fromUtf8(m.downSql));
            m.downFromSchema = false;
            m.downRunsNothing = false;
        }
    }
}

} // namespace uaip
