#include "servergrammar.h"

#include "pgconnection.h"
#include "pgresult.h"
#include "transaction.h"

namespace uaip {

namespace {

constexpr auto kSyntaxError = "42601";

// A dollar-quote tag the statement does not hold.
QByteArray tagFor(const QByteArray &statement)
{
    for (int n = 0;; ++n) {
        const QByteArray tag = "$uaip_syntax_" + QByteArray::number(n) + '$';
        if (!statement.contains(tag))
            return tag;
    }
}

} // namespace

Result<std::optional<ServerGrammar::SyntaxError>> ServerGrammar::check(PgConnection &connection,
                                                                       const QByteArray &statement)
{
    const QByteArray tag = tagFor(statement);
    const QByteArray head = "CREATE FUNCTION pg_temp.uaip_syntax_check(anyelement) RETURNS void "
                            "LANGUAGE sql AS "
        + tag;
    TransactionOptions options;
    options.alwaysRollBack = true;
    options.savepointWhenNested = true;
    options.settings = {{QStringLiteral("check_function_bodies"), QStringLiteral("on")},
                        {QStringLiteral("lock_timeout"), QStringLiteral("2s")}};
    Transaction tx(connection);
    if (const Status begun = tx.begin(options); !begun)
        return begun.error();
    const PgResult r = connection.exec(head + statement + tag);
    tx.end();
    if (r.ok())
        return std::optional<SyntaxError>();
    const PgError &e = r.error();
    if (e.sqlState != QLatin1String(kSyntaxError))
        return Error(e).in(tr("the server's grammar could not be asked"));
    const int inHead = int(QString::fromUtf8(head).size());
    return std::optional<SyntaxError>(
        SyntaxError{e.message, e.statementPosition > inHead ? e.statementPosition - inHead : 1});
}

} // namespace uaip
