#include "lockforecastformat.h"

#include "util/visibletext.h"

#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace uaip {

namespace {

LockMode strongest(const LockForecast &forecast)
{
    LockMode mode = LockMode::AccessShare;
    for (const RelationLock &lock : forecast.locks)
        mode = std::max(mode, lock.mode);
    return mode;
}

} // namespace

bool LockForecastFormat::shown(const StatementForecast &item)
{
    return item.forecast.notChecked || !item.forecast.locks.isEmpty()
        || !item.forecast.notes.isEmpty();
}

QString LockForecastFormat::heldByLine(const LockBlocker &holder)
{
    //: a dry run's lock forecast: a session that holds a conflicting lock now (%1 describes it)
    return tr("now: %1").arg(holder.describe());
}

QString LockForecastFormat::sizeText(const QString &relation, const Sizes &sizes)
{
    const auto it = sizes.constFind(relation);
    if (relation.isEmpty())
        return tr("all of them");
    if (it == sizes.constEnd())
        return tr("not in the database yet");
    const QLocale locale;
    if (it->rowsUnknown && it->rows == 0)
        //: the live size of a table never analyzed in a dry run's lock forecast: %1 its heap's
        //: bytes on disk, formatted
        return tr("rows not known (never analyzed), %1 on disk")
            .arg(locale.formattedDataSize(it->unknownRowsBytes));
    //: the live size of a table in a dry run's lock forecast: %1 rows, %2 bytes formatted
    return tr("%1 rows%2, %3")
        .arg(locale.toString(it->rows),
             //: after the rows of a table never analyzed: the planner's guess from its pages
             it->rowsUnknown ? tr(" (estimated from its size on disk: never analyzed)") : QString(),
             locale.formattedDataSize(it->totalBytes));
}

QString LockForecastFormat::relationLine(const RelationLock &lock, const Sizes &sizes)
{
    QStringList does;
    if (blocksReads(lock.mode))
        does << tr("blocks reads and writes");
    else if (blocksWrites(lock.mode))
        does << tr("blocks writes");
    if (lock.rewrites)
        does << tr("rewrites the table");
    else if (lock.maybeRewrites)
        does << tr("may rewrite the table");
    if (lock.scans)
        does << tr("scans the table");
    const QString relation = lock.relation.isEmpty() ? tr("every table it reaches")
        : lock.ofIndexTable ? tr("the table of index %1").arg(lock.relation)
                            : lock.relation;
    QString line = tr("%1 on %2 (%3)")
                       .arg(lockModeName(lock.mode), relation, sizeText(lock.relation, sizes));
    if (!does.isEmpty())
        line += QStringLiteral(": ") + does.join(QStringLiteral(", "));
    if (lock.guessed) // UncheckedStatementLocks
        line += QStringLiteral(" ")
            + tr("(assumed: the console's parser cannot read the statement, and it names this "
                 "table)");
    return line;
}

QStringList LockForecastFormat::commentLines(const QString &file,
                                             const QList<StatementForecast> &items,
                                             const Sizes &sizes, const Holders &heldBy)
{
    QStringList lines;
    for (const StatementForecast &item : items) {
        if (!shown(item))
            continue;
        //: a dry run's lock forecast of one statement: %1 file:line:col, %2 its first line
        lines << tr("-- lock at %1: %2")
                     .arg(QStringLiteral("%1:%2:%3")
                              .arg(file)
                              .arg(item.start.line)
                              .arg(item.start.column),
                          VisibleText::escaped(QString::fromUtf8(item.head)));
        for (const RelationLock &lock : item.forecast.locks) {
            // a name or column may hold a line break: escaped, so every line stays a comment
            lines << QStringLiteral("--   ") + VisibleText::escaped(relationLine(lock, sizes));
            for (const LockBlocker &holder : heldBy.value(lock.relation))
                lines << QStringLiteral("--     ") + VisibleText::escaped(heldByLine(holder));
            if (!lock.onlineForm.isEmpty())
                lines << QStringLiteral("--     ")
                        + VisibleText::escaped(tr("online form: %1").arg(lock.onlineForm));
        }
        if (item.forecast.notChecked)
            lines << QStringLiteral("--   ") + tr("not checked: review its locks by hand");
        for (const QString &note : item.forecast.notes)
            lines << QStringLiteral("--   ") + VisibleText::escaped(note);
    }
    return lines;
}

QJsonArray LockForecastFormat::json(const QList<StatementForecast> &items, const Sizes &sizes,
                                    const Holders &heldBy)
{
    QJsonArray out;
    for (const StatementForecast &item : items) {
        if (!shown(item))
            continue;
        QJsonArray relations;
        QJsonArray online;
        bool rewrites = false;
        bool mayRewrite = false;
        bool scans = false;
        for (const RelationLock &lock : item.forecast.locks) {
            const auto size = sizes.constFind(lock.relation);
            QJsonObject r{{QStringLiteral("name"), lock.relation},
                          {QStringLiteral("mode"), lockModeName(lock.mode)},
                          {QStringLiteral("of_index_table"), lock.ofIndexTable},
                          {QStringLiteral("rewrites"), lock.rewrites},
                          {QStringLiteral("may_rewrite"), lock.maybeRewrites},
                          {QStringLiteral("scans"), lock.scans}};
            QJsonArray holders;
            for (const LockBlocker &b : heldBy.value(lock.relation))
                holders.append(QJsonObject{
                    {QStringLiteral("pid"), b.pid},
                    {QStringLiteral("application"), b.application},
                    {QStringLiteral("state"), b.state},
                    {QStringLiteral("transaction_ms"),
                     b.transactionMs < 0 ? QJsonValue() : QJsonValue(double(b.transactionMs))},
                    {QStringLiteral("mode"), b.mode},
                    {QStringLiteral("waiting"), b.waiting}});
            r.insert(QStringLiteral("held_by"), holders);
            if (size != sizes.constEnd()) {
                r.insert(QStringLiteral("rows"), double(size->rows));
                r.insert(QStringLiteral("rows_unknown"), size->rowsUnknown);
                r.insert(QStringLiteral("bytes"), double(size->totalBytes));
            }
            relations.append(r);
            rewrites = rewrites || lock.rewrites;
            mayRewrite = mayRewrite || lock.maybeRewrites;
            scans = scans || lock.scans;
            if (!lock.onlineForm.isEmpty())
                online.append(lock.onlineForm);
        }
        const LockMode mode = strongest(item.forecast);
        QJsonArray blocks;
        if (!item.forecast.locks.isEmpty() && blocksReads(mode))
            blocks.append(QStringLiteral("reads"));
        if (!item.forecast.locks.isEmpty() && blocksWrites(mode))
            blocks.append(QStringLiteral("writes"));
        out.append(QJsonObject{
            {QStringLiteral("line"), item.start.line},
            {QStringLiteral("column"), item.start.column},
            {QStringLiteral("statement"), QString::fromUtf8(item.head)},
            {QStringLiteral("lock"),
             item.forecast.locks.isEmpty() ? QJsonValue() : QJsonValue(lockModeName(mode))},
            {QStringLiteral("relations"), relations},
            {QStringLiteral("rewrites"), rewrites},
            {QStringLiteral("may_rewrite"), mayRewrite},
            {QStringLiteral("scans"), scans},
            {QStringLiteral("blocks"), blocks},
            {QStringLiteral("online_forms"), online},
            {QStringLiteral("not_checked"), item.forecast.notChecked},
            {QStringLiteral("notes"), QJsonArray::fromStringList(item.forecast.notes)}});
    }
    return out;
}

} // namespace uaip
