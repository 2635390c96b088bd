#include "migrationlockforecast.h"

#include "lockforecasttree.h"
#include "sqlparse/parserversion.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"
#include "statementlockforecast.h"
#include "uncheckedstatementlocks.h"

#include <QHash>
#include <QSet>

#include <utility>

namespace uaip {

namespace {

constexpr qsizetype kHeadLength = 80;

QByteArray headOf(const QByteArray &text)
{
    const qsizetype end = text.indexOf('\n');
    QString head = QString::fromUtf8(end < 0 ? text : text.left(end)).trimmed();
    if (head.size() > kHeadLength || end >= 0)
        head = head.left(kHeadLength) + QStringLiteral(" ...");
    return head.toUtf8();
}

} // namespace

QList<StatementForecast> MigrationLockForecast::of(const QByteArray &sql)
{
    return of(SqlSplitter::split(sql));
}

QList<StatementForecast> MigrationLockForecast::of(const SqlSplitResult &split)
{
    QList<StatementForecast> out;
    if (!split.ok())
        return out;
    // A file may hold 200,000 statements: the list is allocated once, and the names and notes
    // they repeat are one shared string each.
    out.reserve(split.statements.size());
    QSet<QString> strings;
    const auto shared = [&strings](const QString &text) {
        const auto it = strings.constFind(text);
        return it != strings.constEnd() ? *it : *strings.insert(text);
    };
    QHash<qsizetype, const UncheckedStatement *> unchecked;
    for (const UncheckedStatement &u : split.unchecked)
        unchecked.insert(u.index, &u);
    for (const SqlStatement &statement : split.statements) {
        StatementForecast item;
        item.start = statement.start;
        item.head = headOf(statement.text);
        if (const UncheckedStatement *u = unchecked.value(statement.index)) {
            UncheckedStatementLocks::assumeWorst(
                item.forecast, statement.text,
                ParserVersion::notCheckedNote() + QStringLiteral(" (") + u->error.message + u')');
            out.append(std::move(item));
            continue;
        }
        const std::shared_ptr<const PgParseTree> parsedTree = statement.tree();
        const PgParseTree &tree = *parsedTree;
        if (!tree.ok()) {
            item.forecast.markNotChecked(tr("the statement does not parse"));
        } else {
            item.forecast.keepsNotNullProofs = !tree.statements().isEmpty();
            for (const PgStatementNode &node : tree.statements()) {
                item.forecast.keepsNotNullProofs = item.forecast.keepsNotNullProofs
                    && LockForecastTree::keepsNotNullProofs(node.node);
                const LockForecast one = StatementLockForecast::of(node.node);
                for (RelationLock lock : one.locks) {
                    lock.relation = shared(lock.relation);
                    lock.onlineForm = shared(lock.onlineForm);
                    item.forecast.add(lock);
                }
                for (const QString &note : one.notes)
                    item.forecast.note(shared(note));
                item.forecast.notChecked = item.forecast.notChecked || one.notChecked;
                item.forecast.changesSearchPath = item.forecast.changesSearchPath
                    || LockForecastTree::changesSearchPath(node.node);
                item.forecast.renames += LockForecastTree::renames(node.node);
            }
        }
        out.append(std::move(item));
    }
    return out;
}

} // namespace uaip
