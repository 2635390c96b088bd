#include "transaction.h"

#include "pgconnection.h"
#include "pgresult.h"
#include "sqlresource.h"

#include <QHash>

#include <algorithm>

namespace uaip {

namespace {

// The only transaction-control texts of app/ and ui/ (cmake/check_transaction_literals.cmake).
constexpr char kBegin[] = "BEGIN";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";
constexpr char kSetReadOnly[] = "SET TRANSACTION READ ONLY";
constexpr char kSavepoint[] = "SAVEPOINT uaip_sp_";
constexpr char kRollbackTo[] = "ROLLBACK TO SAVEPOINT uaip_sp_";
constexpr char kRelease[] = "RELEASE SAVEPOINT uaip_sp_";

// The savepoints Transaction holds open per connection, on this thread: a connection is used
// by one thread at a time, and a Transaction lives within one call on it.
QHash<const PgConnection *, int> &savepointDepths()
{
    thread_local QHash<const PgConnection *, int> depths;
    return depths;
}

bool transactionOpen(PgConnection::TransactionState state)
{
    return state == PgConnection::TransactionState::InTransaction
        || state == PgConnection::TransactionState::InError
        || state == PgConnection::TransactionState::Active;
}

// Our own refusal: nothing was sent (or what was sent is undone); the server did not speak.
Error refusal(const QString &text)
{
    return Error(ErrorCode::Refused, text);
}

// A COMMIT (or RELEASE) answered otherwise than done: nothing was saved.
Error commandError(const char *command, const QString &status)
{
    return Error(
        ErrorCode::Conflict,
        Transaction::tr("%1 was answered with \"%2\": nothing was saved")
            .arg(QLatin1String(command), status),
        {{QStringLiteral("command"), QLatin1String(command)}, {QStringLiteral("answer"), status}});
}

} // namespace

Transaction::Transaction(PgConnection &connection)
    : m_connection(connection)
{ }

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::readOnly(const TransactionOptions &options) const
{
    using Access = TransactionOptions::Access;
    if (options.access == Access::ReadOnly)
        return true;
    // A connection the console keeps read-only (PgConnection::keptReadOnly): READ ONLY whatever
    // the server's default says (a pooler may have dropped the startup option), but where
    // nothing can stay (an always rolled back READ WRITE probe).
    return m_connection.keptReadOnly()
        && !(options.access == Access::ReadWrite && options.alwaysRollBack);
}

Result<QList<QByteArray>> Transaction::opening(const TransactionOptions &options)
{
    if (m_open)
        return refusal(tr("this transaction has already begun"));
    m_options = options;
    m_xid = 0;
    const bool readOnlyNow = readOnly(options);
    if (!transactionOpen(m_connection.transactionState())) {
        TransactionOptions own = options;
        if (readOnlyNow)
            own.access = TransactionOptions::Access::ReadOnly;
        return QList<QByteArray>{beginCommand(own)};
    }
    if (!options.savepointWhenNested)
        return refusal(tr("a transaction is already open on this connection"));
    if (options.isolation != TransactionOptions::Isolation::Default)
        return refusal(tr("a transaction already open keeps its isolation level"));
    m_depth = ++savepointDepths()[&m_connection];
    QList<QByteArray> commands{savepointCommand(m_depth)};
    if (readOnlyNow) // undone by ROLLBACK TO
        commands << kSetReadOnly;
    return commands;
}

Status Transaction::begin(const TransactionOptions &options)
{
    const Result<QList<QByteArray>> commands = opening(options);
    if (!commands)
        return commands.error();
    return sendBegin(commands.value(), options);
}

Result<std::vector<PgResult>> Transaction::beginWith(const TransactionOptions &options,
                                                     const QList<QByteArray> &sql,
                                                     const QList<QVariantList> &params)
{
    const Result<QList<QByteArray>> commands = opening(options);
    if (!commands)
        return commands.error();
    std::vector<PgResult> work;
    if (const Status begun = sendBegin(commands.value(), options, sql, params, &work); !begun)
        return begun.error();
    return work;
}

std::vector<PgResult> Transaction::endWith(const QList<QByteArray> &sql,
                                           const QList<QVariantList> &params)
{
    if (!m_open || !m_options.alwaysRollBack) // a commit's answer is read on its own: end()
        return m_connection.pipeline(sql, params);
    QList<QByteArray> all = sql;
    QList<QVariantList> allParams = params;
    allParams.resize(sql.size());
    if (m_depth > 0)
        all << rollbackToCommand(m_depth) << releaseCommand(m_depth);
    else
        all << kRollback;
    allParams.resize(all.size());
    std::vector<PgResult> results = m_connection.pipeline(all, allParams);
    // The rollback ran: the transaction is over. Else (a statement failed and the server
    // skipped the rest) rollback() sends it on its own.
    const bool ended = qsizetype(results.size()) == all.size()
        && std::all_of(results.begin() + sql.size(), results.end(),
                       [](const PgResult &r) { return r.ok(); });
    if (ended)
        close();
    else
        rollback();
    results.resize(size_t(sql.size()));
    return results;
}

Status Transaction::sendBegin(const QList<QByteArray> &opening, const TransactionOptions &options,
                              const QList<QByteArray> &workSql,
                              const QList<QVariantList> &workParams, std::vector<PgResult> *work)
{
    QList<QByteArray> sql = opening;
    QList<QVariantList> params(opening.size());
    for (const auto &[name, value] : options.settings) {
        sql << SqlResource::of("db", "set_local");
        params << QVariantList{name, value};
    }
    if (options.takeId) {
        sql << SqlResource::of("db", "transaction_id");
        params << QVariantList();
    }
    const qsizetype ownCommands = sql.size();
    for (qsizetype i = 0; i < workSql.size(); ++i) {
        sql << workSql.at(i);
        params << workParams.value(i);
    }
    std::vector<PgResult> results;
    if (sql.size() == 1) // a pipeline of one command would cost more than the command
        results.push_back(m_connection.exec(sql.first()));
    else
        results = m_connection.pipeline(sql, params);
    if (results.empty() || !results.front().ok()) {
        const Error error = results.empty() ? failure(PgResult()) : failure(results.front());
        // BEGIN READ WRITE on a hot standby leaves a failed block: nothing stays open
        if (m_depth == 0 && transactionOpen(m_connection.transactionState()))
            m_connection.exec(kRollback);
        close();
        return error;
    }
    m_open = true;
    for (qsizetype i = 1; i < ownCommands; ++i)
        if (i >= qsizetype(results.size()) || !results[size_t(i)].ok()) {
            const Error error
                = i < qsizetype(results.size()) ? failure(results[size_t(i)]) : failure(PgResult());
            rollback();
            return error;
        }
    if (m_options.takeId)
        m_xid = results[size_t(ownCommands - 1)].value(0, 0).toLongLong();
    if (work) {
        for (qsizetype i = ownCommands; i < qsizetype(results.size()); ++i)
            work->push_back(std::move(results[size_t(i)]));
        work->resize(size_t(workSql.size()));
    }
    return {};
}

Status Transaction::commit()
{
    if (!m_open)
        return commandError(kCommit, tr("no transaction"));
    if (m_options.alwaysRollBack) {
        rollback();
        return refusal(tr("the transaction was rolled back: it is never committed"));
    }
    if (m_depth > 0) {
        const PgResult released = m_connection.exec(releaseCommand(m_depth));
        if (!released.ok()) { // a failed savepoint: what it did goes, as with a failed COMMIT
            const Error error = failure(released);
            rollback();
            return error;
        }
        close();
        return {};
    }
    // Idle: the work's own SQL ended the block, and what followed ran in autocommit; the
    // server would answer that COMMIT with a warning and the tag COMMIT
    if (m_connection.transactionState() == PgConnection::TransactionState::Idle) {
        close();
        return refusal(tr("no transaction was open any more: a statement of the work "
                          "ended it, and what followed ran on its own"));
    }
    const PgResult r = m_connection.exec(kCommit);
    close();
    if (!r.ok())
        return failure(r);
    if (!isCommitTag(r.commandTag()))
        return commandError(kCommit, QString::fromLatin1(r.commandTag()));
    return {};
}

Status Transaction::end()
{
    if (!m_options.alwaysRollBack)
        return commit();
    rollback();
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    const int depth = m_depth;
    close();
    // ended meanwhile (or the connection is gone): nothing to roll back, no warning asked for
    if (!m_connection.isOpen() || !transactionOpen(m_connection.transactionState()))
        return;
    if (depth > 0)
        m_connection.pipeline({rollbackToCommand(depth), releaseCommand(depth)});
    else
        m_connection.exec(kRollback);
}

void Transaction::forget()
{
    close();
}

void Transaction::close()
{
    m_open = false;
    if (m_depth == 0)
        return;
    QHash<const PgConnection *, int> &depths = savepointDepths();
    if (--depths[&m_connection] <= 0)
        depths.remove(&m_connection);
    m_depth = 0;
}

Error Transaction::failure(const PgResult &result) const
{
    if (result.error().isSet())
        return Error(result.error());
    // No answer: the connection went; libpq's words for why, where it has some
    QString why = m_connection.connectionError();
    if (why.isEmpty())
        why = m_connection.lastLibpqMessage();
    if (why.isEmpty())
        why = tr("the connection to the server was lost");
    return Error(ErrorCode::Connection, why);
}

QByteArray Transaction::beginCommand(const TransactionOptions &options)
{
    QList<QByteArray> modes;
    switch (options.isolation) {
    case TransactionOptions::Isolation::Default:
        break;
    case TransactionOptions::Isolation::ReadCommitted:
        modes << "ISOLATION LEVEL READ COMMITTED";
        break;
    case TransactionOptions::Isolation::RepeatableRead:
        modes << "ISOLATION LEVEL REPEATABLE READ";
        break;
    case TransactionOptions::Isolation::Serializable:
        modes << "ISOLATION LEVEL SERIALIZABLE";
        break;
    }
    switch (options.access) {
    case TransactionOptions::Access::Default:
        break;
    case TransactionOptions::Access::ReadOnly:
        modes << "READ ONLY";
        break;
    case TransactionOptions::Access::ReadWrite:
        modes << "READ WRITE";
        break;
    }
    QByteArray sql(kBegin);
    if (!modes.isEmpty())
        sql += ' ' + modes.join(", ");
    return sql;
}

QByteArray Transaction::commitCommand()
{
    return kCommit;
}

QByteArray Transaction::rollbackCommand()
{
    return kRollback;
}

QByteArray Transaction::readOnlyCommand()
{
    return kSetReadOnly;
}

QByteArray Transaction::savepointCommand(int depth)
{
    return kSavepoint + QByteArray::number(depth);
}

QByteArray Transaction::rollbackToCommand(int depth)
{
    return kRollbackTo + QByteArray::number(depth);
}

QByteArray Transaction::releaseCommand(int depth)
{
    return kRelease + QByteArray::number(depth);
}

bool Transaction::committed(const PgResult &commitAnswer)
{
    return commitAnswer.ok() && isCommitTag(commitAnswer.commandTag());
}

bool Transaction::isCommitTag(const QByteArray &commandTag)
{
    return commandTag == kCommit;
}

bool Transaction::isRollbackTag(const QByteArray &commandTag)
{
    return commandTag == kRollback;
}

} // namespace uaip
