#pragma once

#include "pgerror.h"
#include "pgresult.h"
#include "pipelineoptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <libpq-fe.h>

#include <functional>
#include <optional>
#include <vector>

namespace uaip {

// One libpq connection (RAII). Not thread-safe except cancel(), which any thread may call
// while another thread runs a command on this connection.
class PgConnection
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PgConnection)

public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // conninfo: a libpq keyword/value string or a postgresql:// URI; empty = PG* defaults.
    bool open(const QString &conninfo, const QString &applicationName = QString());
    // Uses a connection someone else owns (the QPSQL driver's, see Session) without owning it:
    // installs this object's notice receiver and cancel data; release() (or the destructor)
    // restores the previous notice receiver and lets go without closing the connection.
    void adopt(PGconn *connection);
    void release();
    bool isAdopted() const { return m_adopted; }
    void close();
    bool isOpen() const;
    // Why open() failed, or the last connection-level problem, in libpq's words.
    QString connectionError() const { return m_connectionError; }

    PgResult exec(const QByteArray &sql);
    PgResult exec(const char *sql) { return exec(QByteArray(sql)); }
    // exec() for SQL someone else wrote (a migration's statements): a COPY state it starts
    // (COPY ... TO STDOUT, FROM STDIN without data) is ended at once, never left open.
    PgResult execSettled(const QByteArray &sql);
    // One statement someone else wrote (the SQL console's), over the extended query protocol:
    // the server refuses text holding a second statement ("cannot insert multiple commands
    // into a prepared statement"), so no text can add a COMMIT or a hidden write. A COPY state
    // is ended as by execSettled().
    PgResult execOne(const QByteArray &sql);
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
    // Runs a statement made with prepare() with bound values.
    PgResult execPrepared(const QByteArray &name, const QVariantList &params);
    // Convenience: run a command and return its first value (or a null QString).
    QString scalar(const QByteArray &sql, const QVariantList &params = {});

    // Quote an identifier or literal with libpq (for the rare DDL where binding is impossible).
    QByteArray quoteIdentifier(const QString &name) const;

    // A COPY ... FROM STDIN statement with its data (text format rows), in one call: the
    // statement's result (its error, or COPY n).
    PgResult copyIn(const QByteArray &sql, const QByteArray &data);

    // COPY ... FROM STDIN streaming
    bool putCopyData(const QByteArray &data);
    PgResult endCopy(const QString &errorMessage = QString());
    // COPY ... TO STDOUT streaming; returns false at the end (then call finishCopyOut()).
    bool getCopyData(QByteArray *row);
    PgResult finishCopyOut();

    // Asks the server to cancel the command now running on this connection. Thread-safe.
    bool cancel(QString *error = nullptr);

    // Notices (RAISE NOTICE, warnings) received since the last takeNotices(); at most
    // kMaxNotices are kept (the newest), so a long-lived session never piles them up.
    static constexpr int kMaxNotices = 200;
    QStringList takeNotices();
    // Notices dropped because more than kMaxNotices arrived before takeNotices().
    qint64 droppedNotices() const { return m_droppedNotices; }

    int serverVersion() const;
    int backendPid() const;
    QString parameter(const char *name) const;
    QString database() const;
    QString user() const;
    QString host() const;
    QString port() const;
    // The options this connection was opened with (PQconninfo), as a conninfo string: a new
    // session to the same server, database and user (to settle a commit whose answer was lost).
    QString conninfo() const;
    PGconn *handle() const { return m_conn; }

private:
    static void bindValues(const QVariantList &params, std::vector<QByteArray> *storage,
                           std::vector<const char *> *values);
    static void noticeReceiver(void *arg, const PGresult *result);
    // Ends a COPY state nobody feeds or reads (refusing COPY FROM STDIN, discarding COPY TO
    // STDOUT's rows) and returns the command's final result; other results pass unchanged.
    PGresult *settleCopy(PGresult *result);
    void dropCancel();

    PGconn *m_conn = nullptr;
    PGcancel *m_cancel = nullptr;
    mutable QMutex m_cancelMutex;
    QString m_connectionError;
    QStringList m_notices;
    qint64 m_droppedNotices = 0;
    bool m_adopted = false;
    PQnoticeReceiver m_previousReceiver = nullptr;
};

} // namespace uaip
