#pragma once

#include "error/result.h"
#include "error/status.h"
#include "statementclass.h"
#include "statementverdict.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace uaip {

class PgConnection;
class PgResult;

// How a held statement runs (VerdictHold::hold): from a temporary view of its query.
struct RunView
{
    // The view, pg_temp-qualified (what the walk reads); empty: the statement runs as written.
    QString name;
    // What runs in place of the statement's query (StatementClass::resolvable): its view's rows,
    // each column under the name the query gives it.
    QByteArray rows;
    // The query's columns as the server described them before the view was made: where each
    // was read from (SqlResultReader::readSource), as the statement itself would say.
    std::shared_ptr<const PgResult> described;

    bool held() const { return !name.isEmpty(); }
};

// The views a guarded run's reading statements run from. The judge resolves a statement in a
// probe transaction of its own, and the server resolves its text again when it runs: a cast, a
// function, an operator or a relation another role creates in between (CREATE CAST (app.t AS
// text) WITH FUNCTION app.f, a better match in a schema of the search_path) would run although
// the walk never saw it. Made a view in the run's transaction, the query is resolved once: the
// view keeps the tree the server made (functions, casts, operators and relations by oid), the
// guard walks that view, and the statement runs from it, naming nothing else.
//
// A statement gets one when it reads, was walked by the server (StatementVerdict::walked) and
// its probe read its whole text: a statement with a long list of integer constants
// (StatementClass::probeText) runs as written, as a view of it costs as much as the walk of
// every constant (a 200,000-element list: ~0.5 s to make, ~2.6 s to walk, against ~0.26 s to
// run). None when any statement names something as the probe names its views
// (StatementClass::namesProbe): an unqualified name would find a view made for another.
class RunViews
{
    Q_DECLARE_TR_FUNCTIONS(uaip::RunViews)

public:
    // The views' names: kPrefix and a number (StatementResolution::kProbeName's words).
    static constexpr const char *kPrefix = "uaip_resolution_probe_held_";

    // Whether statement, judged so, would run from a view.
    static bool wanted(const StatementClass &statement, const StatementVerdict &verdict);
    // In the open transaction of session, still READ WRITE, its search_path pinned: each wanted
    // statement's query described, then made a view (numbered from firstNumber; a name must
    // not be taken in that transaction). inOwnTransaction false: the user's transaction, the
    // views made in a savepoint released after (a refused one fails nothing). One per statement
    // of statements (held() false where not wanted). An error names the statement it could not
    // make a view of (failedAt: its index).
    static Result<QList<RunView>> make(PgConnection &session,
                                       const QList<StatementClass> &statements,
                                       const QList<StatementVerdict> &judged, bool inOwnTransaction,
                                       int firstNumber, int *failedAt);
    // What runs for statement (its text): the text with its query replaced by view.rows; the
    // text itself when not held.
    static QByteArray runText(const QByteArray &text, const StatementClass &statement,
                              const RunView &view);

    // Drops views made in the user's transaction once their statements ran and no cursor reads
    // them (in a savepoint: a failure fails nothing, and is said).
    static Status drop(PgConnection &session, const QList<RunView> &views);

private:
    static Result<RunView> describe(PgConnection &session, const StatementClass &statement,
                                    int number, QByteArray *create);
};

} // namespace uaip
