#include "contractgate.h"

#include "contractoldnames.h"
#include "oldnameuse.h"
#include "onlinebaselines.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "sqlparse/parsetreenames.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "util/visibletext.h"

#include <algorithm>
#include <climits>
#include <optional>

namespace uaip {

namespace {

constexpr qsizetype kStatementChars = 160;

// A statement on one line: control characters escaped, its first kStatementChars characters.
QString oneLine(const QString &query)
{
    const QString text = VisibleText::escaped(query.simplified());
    return text.size() <= kStatementChars ? text : text.first(kStatementChars) + u'…';
}

QString namesText(const QList<ContractOldNames::OldName> &names)
{
    QStringList out;
    for (const ContractOldNames::OldName &n : names)
        out << n.text();
    return out.join(QStringLiteral(", "));
}

// The expand the contract names, when the plan runs it before the contract (at index before).
const Migration *expandInPlan(const MigrationVersion &expand, const QList<MigrationStatus> &plan,
                              qsizetype before)
{
    for (qsizetype i = 0; i < before; ++i)
        if (plan[i].migration && plan[i].migration->version == expand)
            return &*plan[i].migration;
    return nullptr;
}

// The relations a message of a statement names ([schema.]name parts): a RangeVar (ALTER
// TABLE's, DROP TRIGGER's ON, ...) or each object of a DROP TABLE, VIEW or MATERIALIZED VIEW.
QList<QStringList> relationsOf(const ProtobufCMessage *m)
{
    if (m->descriptor == &pg_query__range_var__descriptor) {
        const auto *r = reinterpret_cast<const PgQuery__RangeVar *>(m);
        QStringList parts;
        if (r->schemaname && *r->schemaname)
            parts << QString::fromUtf8(r->schemaname);
        return {parts << QString::fromUtf8(r->relname)};
    }
    if (m->descriptor != &pg_query__drop_stmt__descriptor)
        return {};
    const auto *d = reinterpret_cast<const PgQuery__DropStmt *>(m);
    if (d->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
        && d->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_VIEW
        && d->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
        return {};
    QList<QStringList> out;
    for (size_t i = 0; i < d->n_objects; ++i)
        if (d->objects[i]->node_case == PG_QUERY__NODE__NODE_LIST)
            out << ParseTreeNames::stringValues(d->objects[i]->list->items,
                                                d->objects[i]->list->n_items);
    return out;
}

// The tables and views the statements name, each part quoted.
QStringList relationsNamed(const QList<SqlStatement> &statements)
{
    QStringList out;
    for (const SqlStatement &statement : statements) {
        const std::shared_ptr<const PgParseTree> tree = statement.tree();
        if (!tree || !tree->ok())
            continue;
        for (const PgStatementNode &s : tree->statements())
            PgTreeWalk::each(reinterpret_cast<const ProtobufCMessage *>(s.node),
                             [&out](const ProtobufCMessage *m) {
                                 for (const QStringList &parts : relationsOf(m))
                                     if (!parts.isEmpty() && !parts.last().isEmpty()
                                         && !out.contains(ParseTreeNames::qualifiedName(parts)))
                                         out << ParseTreeNames::qualifiedName(parts);
                                 return true;
                             });
    }
    return out;
}

// Whether a table or view the contract names is on the database before the run (or could not be
// looked up: then it counts as there). None there: this run makes them (a fresh database, a
// sandbox's proof), so no application can use what the contract removes.
bool namesWhatIsThere(PgConnection &connection, const Migration &contract)
{
    const QStringList relations = relationsNamed(contract.upSplit.statements);
    if (relations.isEmpty())
        return true;
    for (const QString &relation : relations) {
        const PgResult r
            = connection.exec(SqlResource::of("live", "contract_table_exists"), {relation});
        if (!r.ok() || r.rows() != 1 || r.value(0, "present") != QLatin1String("f"))
            return true;
    }
    return false;
}

// The lines of the statements naming oldNames with calls since the baseline (all calls when
// there is none), the most called first; unparsed counts those that could not be read.
QStringList usesSince(const OldNameUse::Workload &workload,
                      const std::optional<OnlineBaselines::Baseline> &baseline,
                      const QList<ContractOldNames::OldName> &oldNames, int *unparsed)
{
    QList<std::pair<qint64, QString>> found; // calls since, the line
    for (const OldNameUse::Statement &st : workload.statements) {
        // fewer calls than in the baseline: the statement's counters were reset (or it was
        // evicted and counted again) since, so every call counts
        const qint64 before = baseline ? baseline->calls.value(st.queryId, 0) : 0;
        const qint64 since = st.calls >= before ? st.calls - before : st.calls;
        if (since <= 0)
            continue;
        const std::optional<QStringList> names = OldNameUse::names(st.query, oldNames);
        if (!names) {
            ++*unparsed;
            continue;
        }
        if (!names->isEmpty())
            found.append({since,
                          ContractGate::tr("  %n call(s) naming %1: %2", nullptr,
                                           int(qMin<qint64>(since, INT_MAX)))
                              .arg(names->join(QStringLiteral(", ")), oneLine(st.query))});
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList lines;
    for (const auto &f : std::as_const(found))
        lines << f.second;
    return lines;
}

} // namespace

QString ContractGate::baselineKey(const MigrationVersion &expand)
{
    return expand.groups().join(u'-');
}

ContractGate::Judgement ContractGate::judge(PgConnection &connection,
                                            const QList<MigrationStatus> &plan)
{
    Judgement j;
    std::optional<OldNameUse::Workload> workload; // read once, when a contract needs it
    for (qsizetype i = 0; i < plan.size(); ++i) {
        if (!plan[i].migration || !plan[i].migration->upDirectives.contractOf)
            continue;
        const Migration &c = *plan[i].migration;
        const QString of = *c.upDirectives.contractOf;
        const auto refuse = [&](const QString &message) {
            j.problems << ValidationProblem{QStringLiteral("contract"), c.upPath(),
                                            c.upDirectives.contractOfLine, 1, message};
            j.contracts << c.id();
        };
        const Result<MigrationVersion> expand = MigrationVersion::parse(of);
        if (!expand)
            continue; // the directive's parse refused it already
        if (const Migration *first = expandInPlan(*expand, plan, i)) {
            if (!namesWhatIsThere(connection, c))
                continue; // made by this run: nothing can use the old shape yet
            refuse(tr("%1 is the contract of %2, which this run applies too: deploy the "
                      "application that uses the new shape first, then apply the contract (up "
                      "--to %3 applies the plan up to its expand)")
                       .arg(c.id(), first->id(), first->version.text()));
            continue;
        }
        const QList<ContractOldNames::OldName> oldNames
            = ContractOldNames::of(c.upSplit.statements);
        if (oldNames.isEmpty())
            continue;
        if (!workload)
            workload = OldNameUse::read(connection);
        const QString names = namesText(oldNames);
        if (!workload->unreadable.isEmpty()) {
            j.notes << tr("could not check whether the workload still uses what %1 removes (%2): "
                          "%3")
                           .arg(c.id(), names, workload->unreadable);
            continue;
        }
        const Result<std::optional<OnlineBaselines::Baseline>> baseline
            = OnlineBaselines::of(connection, baselineKey(*expand));
        if (!baseline) {
            j.notes << tr("could not check whether the workload still uses what %1 removes (%2): "
                          "the baseline of its expand %3 cannot be read: %4")
                           .arg(c.id(), names, of, baseline.error().toString());
            continue;
        }
        std::optional<OnlineBaselines::Baseline> since = *baseline;
        if (!since)
            j.notes << tr("%1: no workload baseline was kept when its expand %2 was applied, so "
                          "every call pg_stat_statements counted counts")
                           .arg(c.id(), of);
        else if (since->statsReset != workload->statsReset) {
            j.notes << tr("%1: pg_stat_statements was reset since its expand %2 was applied (its "
                          "baseline was taken at %3), "
                          "so every call since the reset counts")
                           .arg(c.id(), of, since->takenAt);
            since.reset();
        }
        int unparsed = 0;
        const QStringList lines = usesSince(*workload, since, oldNames, &unparsed);
        if (unparsed > 0)
            j.notes << tr("%1: %n statement(s) run since its expand could not be parsed, so "
                          "whether they name %2 was not checked",
                          nullptr, unparsed)
                           .arg(c.id(), names);
        if (!lines.isEmpty())
            refuse(tr("%1 removes %2, which %n statement(s) of the workload named since its "
                      "expand %3 was applied:",
                      nullptr, int(lines.size()))
                       .arg(c.id(), names, of)
                   + u'\n' + lines.join(u'\n'));
    }
    return j;
}

bool ContractGate::refuse(RunResult &result, PgConnection &connection,
                          const QList<MigrationStatus> &plan, const QString &forceReason,
                          const std::function<void(const QString &)> &say,
                          QHash<QString, QJsonObject> *forced)
{
    const Judgement j = judge(connection, plan);
    for (const QString &note : j.notes)
        say(note);
    if (j.problems.isEmpty())
        return false;
    if (!forceReason.isEmpty()) {
        for (qsizetype i = 0; i < j.problems.size(); ++i) {
            say(tr("--force-contract (%1): runs although %2")
                    .arg(VisibleText::escaped(forceReason), j.problems[i].describe()));
            if (forced)
                forced->insert(j.contracts[i],
                               QJsonObject{{QStringLiteral("reason"), forceReason},
                                           {QStringLiteral("overrode"), j.problems[i].message}});
        }
        return false;
    }
    QList<ValidationProblem> problems = j.problems;
    for (ValidationProblem &p : problems)
        p.message += u'\n'
            + tr("  to run it anyway: up --force-contract <reason> (kept in its ledger event)");
    result.outcome = RunResult::Outcome::BadInput;
    result.message = tr("nothing was applied: %n contract(s) of an online change would remove "
                        "what the application may still use",
                        nullptr, int(j.problems.size()));
    result.problems << ValidationProblem::describeAll(problems);
    result.planProblems = problems;
    return true;
}

} // namespace uaip
