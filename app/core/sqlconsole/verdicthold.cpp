#include "verdicthold.h"

#include "db/pgconnection.h"
#include "db/pgresult.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "statementresolution.h"
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

Result<QList<RunView>> VerdictHold::hold(PgConnection &session,
                                         const QList<StatementClass> &statements,
                                         const QList<StatementVerdict> &judged,
                                         const QString &searchPath, bool inOwnTransaction,
                                         int *failedAt, int firstView)
{
    if (failedAt)
        *failedAt = -1;
    // what the judge reached is held before the views are made: they then see it as it runs
    QList<ReachedRelation> wanted = lockable(reachedBy(judged));
    if (Status locked = lock(session, wanted, inOwnTransaction); !locked)
        return locked.error();
    const Result<QList<RunView>> views
        = RunViews::make(session, statements, judged, inOwnTransaction, firstView, failedAt);
    if (!views)
        return views.error();
    for (int round = 0; round < kRounds; ++round) {
        const Result<QList<StatementVerdict>> now
            = again(session, statements, views.value(), searchPath);
        if (!now)
            return now.error();
        for (int i = 0; i < judged.size(); ++i) {
            if (!judged.at(i).reads() || now.value().at(i).reads())
                continue;
            if (failedAt)
                *failedAt = i;
            return Error(ErrorCode::Refused,
                         tr("what the statement reaches changed while it was checked: it now %1; "
                            "nothing of the script is run")
                             .arg(now.value().at(i).reason));
        }
        const Result<QList<ReachedRelation>> open = unheld(session, reachedBy(now.value()));
        if (!open)
            return open.error();
        if (open.value().isEmpty())
            return views;
        wanted = lockable(open.value());
        if (wanted.isEmpty()) // held only through what reads them, and that did not
            return Error(ErrorCode::Refused,
                         tr("%1 cannot be held against change while the statements run: the "
                            "login may not read it, and no view it may read locks it; nothing "
                            "of the script is run")
                             .arg(namesOf(session, open.value())));
        if (Status locked = lock(session, wanted, inOwnTransaction); !locked)
            return locked.error();
    }
    return Error(ErrorCode::Refused,
                 tr("what the statements reach kept changing while they were checked (%1 "
                    "rounds; last not held: %2); nothing of the script is run")
                     .arg(kRounds)
                     .arg(namesOf(session, wanted)));
}

Result<QList<StatementVerdict>> VerdictHold::again(PgConnection &session,
                                                   const QList<StatementClass> &statements,
                                                   const QList<RunView> &views,
                                                   const QString &searchPath)
{
    QStringList names;
    QList<int> walked;
    QList<StatementClass> others;
    QList<int> judgedAt;
    for (int i = 0; i < statements.size(); ++i) {
        if (views.value(i).held()) {
            names << views.at(i).name;
            walked << i;
        } else {
            others << statements.at(i);
            judgedAt << i;
        }
    }
    QList<StatementVerdict> out(statements.size());
    const Result<QList<StatementResolution::Resolved>> walk
        = StatementResolution::walk(session, names);
    if (!walk)
        return walk.error();
    for (int k = 0; k < walked.size(); ++k) {
        const StatementResolution::Resolved &r = walk.value().at(k);
        StatementVerdict &v = out[walked.at(k)];
        v.kind = r.why.isEmpty() ? StatementVerdict::Kind::Reads : StatementVerdict::Kind::Writes;
        v.reason = r.why;
        v.relations = r.relations;
        v.walked = true;
    }
    if (others.isEmpty())
        return out;
    const Result<QList<StatementVerdict>> judged
        = StatementSafety::judge(session, others, searchPath);
    if (!judged)
        return judged.error();
    for (int k = 0; k < judgedAt.size(); ++k)
        out[judgedAt.at(k)] = judged.value().at(k);
    return out;
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
