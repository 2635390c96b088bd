#include "runviews.h"

#include "conformingstrings.h"
#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

#include <algorithm>
#include <array>

namespace uaip {

namespace {

// The pseudo-types a query's column may have and a view's may not (PostgreSQL refuses a view
// column of one): unknown, record, record[], cstring, anyarray (pg_stats' most_common_vals),
// void (SELECT pg_sleep(1)), anyrange, anymultirange, anycompatiblearray. Their oids are the
// catalog's own, the same in every version. The view gives such a value as text, as the
// statement's result shows it.
constexpr std::array<quint32, 9> kPseudoTypes{705, 2249, 2287, 2275, 2277, 2278, 3831, 4537, 5078};

QByteArray columnName(int c)
{
    return '"' + QByteArray::number(c + 1) + '"';
}

} // namespace

bool RunViews::wanted(const StatementClass &statement, const StatementVerdict &verdict)
{
    return verdict.reads() && verdict.walked && !statement.resolvable.isEmpty()
        && statement.probeText.isEmpty();
}

Result<RunView> RunViews::describe(PgConnection &session, const StatementClass &statement,
                                   int number, QByteArray *create)
{
    if (Status pinned = ConformingStrings::pinForTransaction(session, statement.resolvable);
        !pinned)
        return pinned.error();
    auto described = std::make_shared<PgResult>(session.describe(statement.resolvable));
    if (!described->ok())
        return Error(described->error());
    const QByteArray name = kPrefix + QByteArray::number(number);
    QByteArrayList outputs, aliases, rows;
    for (int c = 0; c < described->columns(); ++c) {
        const QByteArray column = columnName(c);
        aliases << column;
        const bool pseudo
            = std::find(kPseudoTypes.begin(), kPseudoTypes.end(), described->columnType(c))
            != kPseudoTypes.end();
        outputs << (pseudo ? "uaip_held_query." + column + "::pg_catalog.text AS " + column
                           : "uaip_held_query." + column);
        rows << column + " AS " + session.quoteIdentifier(described->columnName(c));
    }
    *create = SqlResource::fill(
        SqlResource::of("sqlconsole", "held_view"),
        {{"%NAME%", name},
         {"%OUTPUTS%", outputs.join(", ")},
         {"%ALIASES%", aliases.isEmpty() ? QByteArray() : '(' + aliases.join(", ") + ')'},
         {"%QUERY%", statement.resolvable}});
    RunView view;
    view.name = QStringLiteral("pg_temp.") + QString::fromLatin1(name);
    view.rows = SqlResource::fill(SqlResource::of("sqlconsole", "held_view_rows"),
                                  {{"%OUTPUTS%", rows.join(", ")}, {"%NAME%", name}});
    view.described = std::move(described);
    return view;
}

Result<QList<RunView>> RunViews::make(PgConnection &session,
                                      const QList<StatementClass> &statements,
                                      const QList<StatementVerdict> &judged, bool inOwnTransaction,
                                      int firstNumber, int *failedAt)
{
    QList<RunView> out(statements.size());
    if (std::any_of(statements.begin(), statements.end(),
                    [](const StatementClass &s) { return s.namesProbe; }))
        return out;
    // the user's transaction: in a savepoint released after, so that a refused one fails it not
    Transaction scope(session);
    if (!inOwnTransaction)
        if (Status begun = scope.begin(TransactionOptions::nested()); !begun)
            return begun.error();
    QList<QByteArray> creates;
    QList<int> made;
    int number = firstNumber;
    for (int i = 0; i < statements.size() && i < judged.size(); ++i) {
        if (!wanted(statements.at(i), judged.at(i)))
            continue;
        QByteArray create;
        Result<RunView> view = describe(session, statements.at(i), number++, &create);
        if (!view) {
            if (failedAt)
                *failedAt = i;
            return view.error().in(tr("Resolving the statement's query once for the run"));
        }
        out[i] = view.take();
        creates << create;
        made << i;
    }
    const std::vector<PgResult> results = session.pipeline(creates);
    for (qsizetype k = 0; k < creates.size(); ++k) {
        if (k < qsizetype(results.size()) && results.at(size_t(k)).ok())
            continue;
        if (failedAt)
            *failedAt = made.at(int(k));
        const Error e = k < qsizetype(results.size())
            ? Error(results.at(size_t(k)).error())
            : Error(ErrorCode::Connection, tr("The connection to the server is lost."));
        return e.in(tr("Making the view the statement runs from"));
    }
    if (!inOwnTransaction)
        if (Status released = scope.commit(); !released)
            return released.error();
    return out;
}

Status RunViews::drop(PgConnection &session, const QList<RunView> &views)
{
    QList<QByteArray> drops;
    for (const RunView &v : views)
        if (v.held())
            drops << SqlResource::fill(
                SqlResource::of("sqlconsole", "held_view_drop"),
                {{"%NAME%", v.name.mid(int(qstrlen("pg_temp."))).toLatin1()}});
    if (drops.isEmpty())
        return {};
    Transaction scope(session);
    Result<std::vector<PgResult>> begun
        = scope.beginWith(TransactionOptions::nested(), drops, QList<QVariantList>(drops.size()));
    if (!begun)
        return begun.error();
    for (const PgResult &r : begun.value())
        if (!r.ok())
            return Error(r.error()).in(tr("Dropping the views the statements ran from"));
    return scope.commit();
}

QByteArray RunViews::runText(const QByteArray &text, const StatementClass &statement,
                             const RunView &view)
{
    if (!view.held())
        return text;
    return text.left(text.size() - statement.resolvable.size()) + view.rows;
}

} // namespace uaip
