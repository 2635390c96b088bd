#pragma once

#include "connectfailure.h"
#include "error/pgerror.h"
#include "pgnotices.h"
#include "pgopenoptions.h"
#include "pgresult.h"
#include "pgtypes.h"
#include "pipelineoptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace uaip {

class PgSocketWait;
class SessionCanceller;

// One libpq connection (RAII). Not thread-safe except cancel(), which any thread may call
// while another thread runs a command on this connection. libpq runs in non-blocking mode: every
// wait for the server is a poll on the socket (PgSocketWait), which is where a cancel, the
// statement deadline and a cancel's grace period take effect, on this connection's own thread.
class PgConnection
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PgConnection)

public:
    PgConnection();
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    using OpenOptions = PgOpenOptions;
    // Opens (through PgConnector, the one opener). conninfo: a libpq keyword/value string or a
    // postgresql:// URI; empty = PG* defaults. cancel() from another thread ends the attempt
    // (connectFailure().cancelled()).
    bool open(const QString &conninfo, const QString &applicationName = QString());
    bool open(const QString &conninfo, const OpenOptions &options);
    // After a failed open(): why, as the connector saw it.
    const ConnectFailure &connectFailure() const { return m_failure; }
    // Whether the connection is encrypted (SSL).
    bool sslInUse() const;
    void close();
    bool isOpen() const;
    // Why open() failed, or the last connection-level problem, in libpq's words.
    QString connectionError() const { return m_connectionError; }
    // libpq's message of the connection's last failure (PQerrorMessage), trimmed: why a COPY
    // row or a send was refused.
    QString lastLibpqMessage() const;

    // One statement, over the extended query protocol: the server refuses text holding a
    // second statement ("cannot insert multiple commands into a prepared statement"), so no
    // name or text spliced into it can add a COMMIT or a hidden write. Every way this class
    // sends SQL is of this kind, but execScript().
    PgResult exec(const QByteArray &sql);
    PgResult exec(const char *sql) { return exec(QByteArray(sql)); }
    // exec() for a statement someone else wrote (a migration's, the SQL console's): a COPY
    // state it starts (COPY ... TO STDOUT, FROM STDIN without data) is ended at once, never
    // left open.
    PgResult execOne(const QByteArray &sql);
    // A script of several statements this process wrote itself, sent as one simple-protocol
    // query (PQexec): the tests' fixtures. Never with a name or value spliced in; product code
    // outside db/ does not call it (cmake/check_libpq_boundary.cmake).
    PgResult execScript(const QByteArray &script);
    // Values are always bound: QVariant() (null) -> SQL NULL, everything else as text.
    PgResult exec(const QByteArray &sql, const QVariantList &params);
    // Sends every command in one libpq pipeline (one round trip) and returns one result per
    // command. After the first error the server skips the rest: their results have status
    // PGRES_PIPELINE_ABORTED. Meant for many small commands (DDL), not large result sets.
    // options: prepared statements, COPY data, flush requests and a callback per result (see
    // PipelineOptions). A COPY state libpq did not expect (COPY ... TO STDOUT, FROM STDIN
    // without data) is ended at once, never waited on.
    std::vector<PgResult> pipeline(const QList<QByteArray> &sql,
                                   const QList<QVariantList> &params = {},
                                   const PipelineOptions &options = {});
    // A named prepared statement for this session (parameter types inferred); drop it with
    // exec("DEALLOCATE " + name).
    PgResult prepare(const QByteArray &name, const QByteArray &sql);
    // The shape of sql's result without running it: the session's unnamed statement prepared
    // (parsed and resolved, nothing executed) and described; a result with the columns' names,
    // types and source tables and no rows, or the server's error.
    PgResult describe(const QByteArray &sql);
    // Runs a statement made with prepare() with bound values.
    PgResult execPrepared(const QByteArray &name, const QVariantList &params);
    // Sends one statement (extended protocol: never a second one) without waiting for it; its
    // results are read by discardResults(). For a session that must wait on a lock while this
    // thread does something else (LockChainDemo). False when it could not be sent.
    bool send(const QByteArray &sql);
    // Whether a sent command is still running (input consumed first).
    bool isBusy();
    // Reads and drops every result of what was sent (waits for it to end).
    void discardResults();
    // Whether the console keeps this connection read-only itself: a read-only profile or target,
    // whose server may not have taken default_transaction_read_only (a pooler that drops the
    // `options` startup parameter). Then every Transaction is BEGIN ... READ
    // ONLY and the writing commands (migrations, ledger writes) refuse it before anything runs;
    // nothing is set for the session. Ends with close(). Any thread may read it.
    void setKeptReadOnly(bool on) { m_keptReadOnly = on; }
    bool keptReadOnly() const { return m_keptReadOnly; }
    // The commands sent and waited for since open(): each exec, prepare and send is one, a
    // pipeline is one (one round trip to the server however many statements it holds).
    quint64 roundTrips() const { return m_roundTrips; }
    // The answers (results) the server sent since open(), read on the connection's thread
    // (SessionCanceller::answers): a wait tick tells a session that answers from one that waits.
    quint64 answers() const;
    // Convenience: run a command and return its first value (or a null QString).
    QString scalar(const QByteArray &sql, const QVariantList &params = {});

    // Quote an identifier or literal with libpq (for the rare DDL where binding is impossible).
    QByteArray quoteIdentifier(const QString &name) const;

    // Cancels the command now running on this connection, or the open() under way (see
    // SessionCanceller): thread-safe, returns at once; nothing when no command runs. If the server
    // does not answer within the grace period, the command ends as a lost connection.
    void cancel();
    // The cancel handle, for whoever cancels after this object may be gone (a Job).
    std::shared_ptr<SessionCanceller> canceller() const { return m_canceller; }
    // How long a cancelled command may take to end before its socket is cut (default 10 s).
    void setCancelGraceMs(int ms);
    // A statement timeout kept by the client: the commands sent until it is set again are
    // cancelled once deadline passes (QDeadlineTimer::Forever: none). Nothing is set on the
    // server, so nothing stays on a pooled backend.
    void setStatementDeadline(const QDeadlineTimer &deadline);
    // Whether that deadline passed and cancelled a command.
    bool statementDeadlinePassed() const;
    // Called every everyMs while a command of this connection waits for the server, on this
    // thread (SessionCanceller::setWaitTick): it must not use this connection, but may cancel()
    // it. An empty tick: none.
    void setWaitTick(int everyMs, std::function<void()> tick);

    // Notices (RAISE NOTICE, warnings) received since the last take(), bounded (PgNotices).
    PgNotices &notices() { return m_notices; }

    // Where the session stands (libpq's PQtransactionStatus): no open connection is Unknown.
    enum class TransactionState { Idle, Active, InTransaction, InError, Unknown };
    TransactionState transactionState() const;
    // In a transaction block (InTransaction or InError), or a command is running.
    bool inTransaction() const;

    // The libpq loaded at run time (PQlibVersion: 150005 for 15.5).
    static int libraryVersion();
    int serverVersion() const;
    int backendPid() const;
    QString parameter(const char *name) const;
    QString database() const;
    QString user() const;
    QString host() const;
    QString port() const;
    // The options this connection was opened with (ConnInfo::of), as a conninfo string: a new
    // session to the same server, database and user (to settle a commit whose answer was lost;
    // a host list stays the list, so a failover's new primary answers).
    QString conninfo() const;
    PGconn *handle() const { return m_conn; }

private:
    friend class PgPipeline; // pipeline(): the libpq pipeline on this connection
    friend class PgCopy; // COPY's data on this connection
    friend class ConnInfo; // of(): the conninfo open() was given

    static void bindValues(const QVariantList &params, std::vector<QByteArray> *storage,
                           std::vector<const char *> *values);
    // Ends a COPY state nobody feeds or reads (refusing COPY FROM STDIN, discarding COPY TO
    // STDOUT's rows) and returns the command's final result; other results pass unchanged.
    PGresult *settleCopy(PGresult *result);
    // Reads what an earlier command left unread, then marks a new command (SessionCanceller).
    void startCommand();
    // The results of the command just sent (sent: whether libpq took it), as PQexec returns
    // them: the last one, or the COPY state that stopped them.
    PGresult *awaitResult(bool sent);
    // The last result of the command: first, then whatever follows up to the command's end.
    static PGresult *lastResult(PgSocketWait &wait, PGresult *first);
    // After each call: tells the canceller whether the command still runs; notes a lost
    // connection's message.
    PgResult finish(PGresult *result);
    void settle();

    PGconn *m_conn = nullptr;
    QString m_conninfo; // as open() was given it
    std::shared_ptr<SessionCanceller> m_canceller;
    ConnectFailure m_failure;
    QString m_connectionError;
    PgNotices m_notices;
    bool m_own = false; // registered with OwnBackends
    std::atomic_bool m_keptReadOnly{false};
    quint64 m_roundTrips = 0;
};

} // namespace uaip
