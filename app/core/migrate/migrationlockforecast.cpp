#include "migrationlockforecast.h"

#include "lockforecasttree.h"
#include "sqlparse/pgparsetree.h"
#include "sqlsplitter.h"
#include "statementlockforecast.h"

namespace uaip {

namespace {

constexpr qsizetype kHeadLength = 80;

QString headOf(const QByteArray &text)
{
    const qsizetype end = text.indexOf('\n');
    QString head = QString::fromUtf8(end < 0 ? text : text.left(end)).trimmed();
    if (head.size() > kHeadLength || end >= 0)
        head = head.left(kHeadLength) + QStringLiteral(" ...");
    return head;
}

} // namespace

QList<StatementForecast> MigrationLockForecast::of(const QByteArray &sql)
{
    QList<StatementForecast> out;
    const SqlSplitResult split = SqlSplitter::split(sql);
    if (!split.ok())
        return out;
    for (const SqlStatement &statement : split.statements) {
        StatementForecast item;
        item.start = statement.start;
        item.head = headOf(statement.text);
        const PgParseTree tree = PgParseTree::parse(statement.text);
        if (!tree.ok()) {
            item.forecast.markNotChecked(tr("the statement does not parse"));
        } else {
            item.forecast.keepsNotNullProofs = !tree.statements().isEmpty();
            for (const PgStatementNode &node : tree.statements()) {
                item.forecast.keepsNotNullProofs = item.forecast.keepsNotNullProofs
                    && LockForecastTree::keepsNotNullProofs(node.node);
                const LockForecast one = StatementLockForecast::of(node.node);
                for (const RelationLock &lock : one.locks)
                    item.forecast.add(lock);
                for (const QString &note : one.notes)
                    item.forecast.note(note);
                item.forecast.notChecked = item.forecast.notChecked || one.notChecked;
                item.forecast.changesSearchPath = item.forecast.changesSearchPath
                    || LockForecastTree::changesSearchPath(node.node);
            }
        }
        out.append(item);
    }
    return out;
}

} // namespace uaip
