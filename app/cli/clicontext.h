#pragma once

#include "clioutput.h"
#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "db/servertopology.h"
#include "error/error.h"
#include "ledger/migrationsource.h"
#include "lint/validationproblem.h"
#include "migrate/migrationrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <memory>

namespace uaip {

// What every command gets: the parsed command line, the output, and ways to reach the
// database and the migration files. Failures are reported here, with the exit code to use.
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(uaip::CliContext)

public:
    CliContext(const QCommandLineParser &parser, CliOutput &output, QStringList args);

    const QCommandLineParser &parser() const { return m_parser; }
    CliOutput &out() { return m_output; }
    const QStringList &args() const { return m_args; } // positional arguments after the command

    // Opens the connection chosen by --db / --sandbox / PG* defaults; reports failures. A
    // connection whose options ask for default_transaction_read_only is kept read-only by the
    // console (PgConnection::keptReadOnly), with a warning when the server did not take it (a
    // pooler that drops the options).
    PgConnection *connect();
    // For a command that writes: connect(), then refused (exit 2, reported, nothing run) on a
    // standby or a connection kept read-only. dryRun: only connect().
    PgConnection *connectToWrite(bool dryRun = false);
    // What the connection reached (read once); null, reported, when it could not be read.
    const ServerTopology *topology();
    QString describeTarget() const;
    // The target's server version (server_version_num) for the commands that also work offline
    // (lint, validate): the connection's when --db or --sandbox names one (connected now; not
    // when offline), else --pg N (N0000), else 0 (unknown). -1: reported (a bad --pg, a failed
    // connect).
    int targetServerVersion(bool offline);
    // The sandbox of --data-dir (Sandbox::forMajor) of the target's major version
    // (serverVersionNum, server_version_num; 0: none, then --pg N's, else the default one): a
    // proof runs on the target's own major, never across majors.
    Sandbox sandboxFor(int serverVersionNum) const;
    // What a command does with the problems of the migration folder (MigrationSource).
    enum class SourceUse {
        Strict, // lint, verify: refuses with every problem listed
        Run, // up, down, ...: refuses over folderErrors(); a bad file is refused by the plan
             // check if the plan runs it
        Show, // status: lists every problem as a warning and goes on (unless the folder
              // cannot be read)
        Check, // validate: never refuses, reports the problems itself
    };
    // Loads --dir (or the bundled migrations); reports problems as `use` says.
    const MigrationSource *source(SourceUse use = SourceUse::Run);
    // source(use), then connect(), for the commands that need both; the connection (unless
    // it is a --sandbox one, started first) opens on a thread while the folder is read. The
    // connection is null after either failure, each reported as source() and connect() do.
    struct SourceAndConnection
    {
        const MigrationSource *source = nullptr;
        PgConnection *connection = nullptr;
    };
    SourceAndConnection sourceAndConnection(SourceUse use = SourceUse::Run);
    MigrationRunner::Options runnerOptions() const;
    // Parses "5s", "500ms", "2min", "1500"; -1 when malformed.
    static int parseDuration(const QString &text);
    // --max-blocking-rows: a number of rows, -1 for "off", -2 for anything else.
    static qint64 parseMaxRows(const QString &text);
    QString clientName() const;
    // Prints the failure and returns exitCode; with --json, JsonFormat::failure on stdout: its
    // code, facts and the server's fields, and problems (when given) as its "problems".
    int fail(int exitCode, const Error &error, const QList<ValidationProblem> &problems = {});
    // A file that could not be read or written: NotFound when path is not there, else Io; the
    // path as "path".
    static Error fileError(const QString &path, const QString &text);
    // The command being run, as JSON documents name it.
    void setCommand(const QString &command) { m_command = command; }
    QString lastError() const { return m_lastError; }

private:
    const QCommandLineParser &m_parser;
    CliOutput &m_output;
    QStringList m_args;
    std::unique_ptr<PgConnection> m_connection;
    std::unique_ptr<PgConnection> m_opened; // opened ahead by sourceAndConnection
    std::optional<ServerTopology> m_topology;
    std::unique_ptr<MigrationSource> m_source;
    QString m_lastError;
    QString m_command;
};

} // namespace uaip
