#include "clicontext.h"

#include "interruptwatch.h"
#include "jsonformat.h"
#include "util/durationtext.h"
#include "util/visibletext.h"

#include "db/readonlyconnections.h"
#include "db/sandbox.h"
#include "db/sessioncanceller.h"
#include "insights/workloadrunobserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThreadPool>

namespace uaip {

namespace {

// What a refused migrations folder is: not there, not readable, or files with mistakes.
ErrorCode folderErrorCode(const QString &dir)
{
    if (!QDir(dir).exists())
        return ErrorCode::NotFound;
    const QFileInfo info(dir);
    if (!dir.startsWith(u':') && (!info.isReadable() || !info.isExecutable()))
        return ErrorCode::Io;
    return ErrorCode::BadInput;
}

} // namespace

CliContext::CliContext(const QCommandLineParser &parser, CliOutput &output, QStringList args)
    : m_parser(parser)
    , m_output(output)
    , m_args(std::move(args))
{ }

int CliContext::fail(int exitCode, const Error &error, const QList<ValidationProblem> &problems)
{
    const QString message = error.toString();
    m_lastError = message;
    if (m_output.json())
        m_output.document(JsonFormat::failure(m_command, exitCode, error, problems));
    else
        m_output.error(QStringLiteral("uaip-migrate: %1").arg(message));
    return exitCode;
}

Error CliContext::fileError(const QString &path, const QString &text)
{
    return Error(QFileInfo::exists(path) ? ErrorCode::Io : ErrorCode::NotFound, text,
                 {{QStringLiteral("path"), path}});
}

QString CliContext::clientName() const
{
    return QStringLiteral("uaip-migrate %1 on %2")
        .arg(QCoreApplication::applicationVersion(), QSysInfo::machineHostName());
}

int CliContext::parseDuration(const QString &text)
{
    const std::optional<int> ms = DurationText::toMs(text);
    return ms && *ms <= 24 * 3600 * 1000 ? *ms : -1;
}

qint64 CliContext::parseMaxRows(const QString &text)
{
    if (text.trimmed().compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return -1;
    bool ok = false;
    const qint64 rows = text.trimmed().toLongLong(&ok);
    return ok && rows >= 0 ? rows : -2;
}

MigrationRunner::Options CliContext::runnerOptions() const
{
    MigrationRunner::Options o;
    const int t = parseDuration(m_parser.value(QStringLiteral("lock-timeout")));
    o.lockWaitMs = t;
    // 0 = do not wait; PostgreSQL's lock_timeout 0 would wait for table locks forever
    o.lockTimeoutMs = qMax(1, t);
    o.lockAttemptMs = parseDuration(m_parser.value(QStringLiteral("lock-attempt")));
    o.maxBlockingRows = parseMaxRows(m_parser.value(QStringLiteral("max-blocking-rows")));
    o.statementTimeoutMs = parseDuration(m_parser.value(QStringLiteral("statement-timeout")));
    o.client = clientName();
    o.observer = std::make_shared<WorkloadRunObserver>();
    o.allowOutOfOrder = m_parser.isSet(QStringLiteral("allow-out-of-order"));
    o.singleTransaction = m_parser.isSet(QStringLiteral("single-transaction"));
    o.forceContract = m_parser.value(QStringLiteral("force-contract")).trimmed();
    return o;
}

Sandbox CliContext::sandboxFor(int serverVersionNum) const
{
    const int major = serverVersionNum > 0 ? serverVersionNum / 10000
                                           : m_parser.value(QStringLiteral("pg")).toInt();
    return Sandbox::forMajor(m_parser.value(QStringLiteral("data-dir")), major);
}

int CliContext::targetServerVersion(bool offline)
{
    // a database named tells its version; --pg only where none does
    if (!offline
        && (m_parser.isSet(QStringLiteral("db")) || m_parser.isSet(QStringLiteral("sandbox")))) {
        PgConnection *c = connect();
        return c ? c->serverVersion() : -1;
    }
    if (m_parser.isSet(QStringLiteral("pg"))) {
        bool ok = false;
        const int major = m_parser.value(QStringLiteral("pg")).toInt(&ok);
        if (!ok || major < 10 || major > 99) {
            fail(2,
                 Error(ErrorCode::BadInput,
                       tr("--pg takes a PostgreSQL major version (15, 16, 17, 18), not %1")
                           .arg(m_parser.value(QStringLiteral("pg"))),
                       {{QStringLiteral("option"), QStringLiteral("pg")}}));
            return -1;
        }
        return major * 10000;
    }
    return 0;
}

QString CliContext::describeTarget() const
{
    if (!m_connection)
        return QString();
    return tr("database %1 as %2 on %3:%4")
        .arg(VisibleText::escaped(m_connection->database()),
             VisibleText::escaped(m_connection->user()), VisibleText::escaped(m_connection->host()),
             m_connection->port());
}

PgConnection *CliContext::connect()
{
    if (m_connection)
        return m_connection.get();
    QString conninfo = m_parser.value(QStringLiteral("db"));
    if (m_parser.isSet(QStringLiteral("sandbox"))) {
        if (m_parser.isSet(QStringLiteral("db"))) {
            fail(2,
                 Error(ErrorCode::BadInput, tr("--db and --sandbox exclude each other"),
                       {{QStringLiteral("option"), QStringLiteral("sandbox")}}));
            return nullptr;
        }
        Sandbox sandbox = sandboxFor(0); // --pg N: that major's
        // SIGINT/SIGTERM stop the initdb or pg_ctl it runs (in a process group of their own,
        // which the terminal's signal does not reach), and the start fails Cancelled
        SessionCanceller canceller;
        std::atomic_bool interrupted{false};
        sandbox.setCanceller(&canceller, &interrupted);
        Status started = InterruptWatch::cancelling(canceller, interrupted,
                                                    [&sandbox] { return sandbox.start(); });
        if (started)
            started = sandbox.ensureDatabase(QStringLiteral("uaip"));
        if (!started) {
            fail(2,
                 started.error()
                     .in(tr("cannot start the sandbox in %1").arg(sandbox.rootDir()))
                     .with(QStringLiteral("path"), sandbox.rootDir()));
            return nullptr;
        }
        for (const QString &m : sandbox.messages())
            m_output.notice(tr("sandbox: %1").arg(m));
        conninfo = sandbox.conninfo(QStringLiteral("uaip"));
    }
    std::unique_ptr<PgConnection> c = std::move(m_opened);
    if (!c) {
        c = std::make_unique<PgConnection>();
        c->open(conninfo, QStringLiteral("uaip-migrate"));
    }
    if (!c->isOpen()) {
        fail(2,
             c->connectFailure().error().in(
                 conninfo.isEmpty() ? tr("cannot connect to the default server (PG* variables)")
                                    : tr("cannot connect to the database")));
        return nullptr;
    }
    m_connection = std::move(c);
    const QString options = ReadOnlyConnections::optionsOf(*m_connection);
    if (ReadOnlyConnections::requestedIn(options)) {
        m_connection->setKeptReadOnly(true);
        const ServerTopology *t = topology();
        if (t && !t->defaultReadOnly)
            m_output.error(tr("warning: the connection asks for read-only transactions "
                              "(options: %1), but the server did not take it (a connection "
                              "pooler that drops the options startup parameter?); uaip-migrate "
                              "keeps it read-only itself: every transaction READ ONLY, writing "
                              "commands refused")
                               .arg(options));
    }
    return m_connection.get();
}

const ServerTopology *CliContext::topology()
{
    if (m_topology)
        return &*m_topology;
    if (!m_connection)
        return nullptr;
    const Result<ServerTopology> read = ServerTopology::read(*m_connection);
    if (!read) {
        fail(2, Error(read.error()).in(tr("cannot read the server's state")));
        return nullptr;
    }
    m_topology = read.value();
    return &*m_topology;
}

PgConnection *CliContext::connectToWrite(bool dryRun)
{
    PgConnection *c = connect();
    if (!c || dryRun)
        return c;
    const ServerTopology *t = topology();
    if (!t)
        return nullptr;
    if (const QString refusal = t->writeRefusal(); !refusal.isEmpty()) {
        fail(2, Error(ErrorCode::Refused, tr("nothing was run: %1").arg(refusal)));
        return nullptr;
    }
    if (c->keptReadOnly()) {
        fail(2,
             Error(ErrorCode::Refused,
                   tr("nothing was run: the connection is read-only (its options ask for "
                      "default_transaction_read_only) and this command writes")));
        return nullptr;
    }
    return c;
}

CliContext::SourceAndConnection CliContext::sourceAndConnection(SourceUse use)
{
    // The connection opens on a thread of its own while this thread reads the folder: a pool of
    // this call's, whose end also ends its thread (libcrypto frees a thread's state only when the
    // thread ends: one left idle in the global pool holds it past the process's leak check).
    QThreadPool opener;
    const bool opening = !m_connection && !m_parser.isSet(QStringLiteral("sandbox"));
    if (opening)
        opener.start([this, conninfo = m_parser.value(QStringLiteral("db"))] {
            auto c = std::make_unique<PgConnection>();
            c->open(conninfo, QStringLiteral("uaip-migrate"));
            m_opened = std::move(c);
        });
    SourceAndConnection both;
    both.source = source(use);
    opener.waitForDone();
    if (both.source)
        both.connection = connect();
    m_opened.reset(); // a folder refused: the connection opened for nothing closes unused
    return both;
}

const MigrationSource *CliContext::source(SourceUse use)
{
    if (m_source)
        return m_source.get();
    auto s = std::make_unique<MigrationSource>();
    const QString dir = m_parser.isSet(QStringLiteral("dir"))
        ? m_parser.value(QStringLiteral("dir"))
        : MigrationSource::bundledDir();
    const bool ok = s->load(dir);
    for (const QString &warning : s->warnings()) // what is in --dir and is no migration
        m_output.error(tr("warning: %1").arg(warning));
    const QStringList &refused = use == SourceUse::Strict ? s->errors() : s->folderErrors();
    const bool unreadable = s->migrations().isEmpty() && !s->folderErrors().isEmpty();
    if (!ok && use != SourceUse::Check && (use != SourceUse::Show || unreadable)
        && !refused.isEmpty()) {
        fail(
            2,
            Error(folderErrorCode(dir),
                  tr("the migrations in %1 have %n problem(s):\n  %2", nullptr, int(refused.size()))
                      .arg(dir, refused.join(QStringLiteral("\n  "))),
                  {{QStringLiteral("path"), dir}}));
        return nullptr;
    }
    if (use == SourceUse::Show)
        for (const QString &problem : s->errors())
            m_output.error(tr("warning: %1").arg(problem));
    m_source = std::move(s);
    return m_source.get();
}

} // namespace uaip
