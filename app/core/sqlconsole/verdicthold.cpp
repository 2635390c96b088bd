#include "verdicthold.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "statementsafety.h"
#include "util/visibletext.h"

#include <algorithm>

namespace uaip {

namespace {

// Every relation the reading verdicts reach, each once.
QList<ReachedRelation> reachedBy(const QList<StatementVerdict> &verdicts)
{
    QList<ReachedRelation> out;
    for (const StatementVerdict &v : verdicts)
        if (v.reads())
            for (const ReachedRelation &r : v.relations)
                if (!out.contains(r))
                    out << r;
    return out;
}

// Quoted as SQL writes them, and shown safely (a newline or an escape in a name).
QString namesOf(PgConnection &session, const QList<ReachedRelation> &relations)
{
    QStringList names;
    for (const ReachedRelation &r : relations)
        names << VisibleText::escaped(QString::fromUtf8(session.quoteIdentifier(r.schema) + '.'
                                                        + session.quoteIdentifier(r.name)));
    return names.join(QStringLiteral(", "));
}

// Those the session may LOCK (SELECT); the others are locked through the views that read them.
QList<ReachedRelation> lockable(const QList<ReachedRelation> &relations)
{
    QList<ReachedRelation> out;
    for (const ReachedRelation &r : relations)
        if (r.selectable)
            out << r;
    return out;
}

} // namespace

Status VerdictHold::hold(PgConnection &session, const QList<StatementClass> &statements,
                         const QList<StatementVerdict> &judged, const QString &searchPath,
                         bool inOwnTransaction, int *failedAt)
{
    if (failedAt)
        *failedAt = -1;
    QList<ReachedRelation> wanted = lockable(reachedBy(judged));
    for (int round = 0; round < kRounds; ++round) {
        if (Status locked = lock(session, wanted, inOwnTransaction); !locked)
            return locked;
        const Result<QList<StatementVerdict>> again
            = StatementSafety::judge(session, statements, searchPath);
        if (!again)
            return again.error();
        for (int i = 0; i < judged.size(); ++i) {
            if (!judged.at(i).reads() || again.value().at(i).reads())
                continue;
            if (failedAt)
                *failedAt = i;
            return Error(ErrorCode::Refused,
                         tr("what the statement reaches changed while it was checked: it now %1; "
                            "nothing of the script is run")
                             .arg(again.value().at(i).reason));
        }
        const Result<QList<ReachedRelation>> open = unheld(session, reachedBy(again.value()));
        if (!open)
            return open.error();
        if (open.value().isEmpty())
            return {};
        wanted = lockable(open.value());
        if (wanted.isEmpty()) // held only through what reads them, and that did not
            return Error(ErrorCode::Refused,
                         tr("%1 cannot be held against change while the statements run: the "
                            "login may not read it, and no view it may read locks it; nothing "
                            "of the script is run")
                             .arg(namesOf(session, open.value())));
    }
    return Error(ErrorCode::Refused,
                 tr("what the statements reach kept changing while they were checked (%1 "
                    "rounds; last not held: %2); nothing of the script is run")
                     .arg(kRounds)
                     .arg(namesOf(session, wanted)));
}

bool VerdictHold::applies(PgConnection &session, const QList<StatementClass> &statements,
                          const QList<StatementVerdict> &judged)
{
    if (session.parameter("in_hot_standby") == u"on") // judged by name: no walk to hold
        return false;
    for (int i = 0; i < statements.size() && i < judged.size(); ++i)
        if (judged.at(i).reads() && !statements.at(i).resolvable.isEmpty())
            return true;
    return false;
}

Status VerdictHold::lock(PgConnection &session, const QList<ReachedRelation> &relations,
                         bool inOwnTransaction)
{
    if (relations.isEmpty())
        return {};
    // views first, as the server's rewriting locks them (a view, then what it reads): an
    // application replacing a view and then altering its table does not deadlock with the run
    QList<ReachedRelation> ordered = relations;
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const ReachedRelation &r) { return r.view; });
    QByteArrayList names;
    for (const ReachedRelation &r : std::as_const(ordered))
        names << session.quoteIdentifier(r.schema) + '.' + session.quoteIdentifier(r.name);
    const QByteArray sql = SqlResource::fill(SqlResource::of("sqlconsole", "lock_relations"),
                                             {{"%RELATIONS%", names.join(", ")}});
    const auto failed = [&](const Error &e) {
        return e.in(tr("Holding %1 against change while the statements run")
                        .arg(namesOf(session, relations)));
    };
    if (inOwnTransaction) {
        const PgResult locked = session.execOne(sql);
        return locked.ok() ? Status() : Status(failed(Error(locked.error())));
    }
    // the user's transaction: a refused LOCK must not fail it (the savepoint goes instead);
    // the locks of a released savepoint are the transaction's
    Transaction scope(session);
    const Result<std::vector<PgResult>> begun
        = scope.beginWith(TransactionOptions::nested(), {sql}, {QVariantList()});
    if (!begun)
        return failed(begun.error());
    if (!begun.value().front().ok())
        return failed(Error(begun.value().front().error()));
    if (Status released = scope.commit(); !released)
        return failed(released.error());
    return {};
}

Result<QList<ReachedRelation>> VerdictHold::unheld(PgConnection &session,
                                                   const QList<ReachedRelation> &relations)
{
    if (relations.isEmpty())
        return QList<ReachedRelation>();
    QStringList oids;
    for (const ReachedRelation &r : relations)
        oids << QString::number(r.oid);
    const PgResult r
        = session.exec(SqlResource::get(QStringLiteral("sqlconsole/sql/unheld_relations.sql")),
                       {u'{' + oids.join(u',') + u'}'});
    if (!r.ok())
        return Error(r.error());
    QList<ReachedRelation> out;
    for (int i = 0; i < r.rows(); ++i)
        for (const ReachedRelation &rel : relations)
            if (rel.oid == r.value(i, 0).toUInt())
                out << rel;
    return out;
}

} // namespace uaip
