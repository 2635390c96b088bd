#include "backfillprogress.h"

namespace uaip {

double BackfillProgress::rate() const
{
    return elapsedMs > 0 ? double(walkedThisRun) * 1000.0 / double(elapsedMs) : 0.0;
}

qint64 BackfillProgress::leftMs() const
{
    if (done)
        return 0;
    const double r = rate();
    if (r <= 0.0 || total <= 0)
        return -1;
    return qint64(double(qMax<qint64>(0, total - walked)) * 1000.0 / r);
}

QJsonObject BackfillProgress::toJson() const
{
    return {{QStringLiteral("migration"), migration},
            {QStringLiteral("at"), at},
            {QStringLiteral("table"), table},
            {QStringLiteral("statement"), kind},
            {QStringLiteral("rows_walked"), walked},
            {QStringLiteral("rows_total"), total},
            {QStringLiteral("rows_total_estimated"), estimated},
            {QStringLiteral("rows_changed"), changed},
            {QStringLiteral("batches"), batches},
            {QStringLiteral("ms"), elapsedMs},
            {QStringLiteral("rows_per_second"), qRound64(rate())},
            {QStringLiteral("finished"), done}};
}

QString BackfillProgress::describe() const
{
    const qint64 percent = total > 0 ? qMin<qint64>(100, walked * 100 / total) : 100;
    QString text = (estimated ? tr("backfill of %1 (%2): %3 of about %4 rows walked (%5%), %6 "
                                   "changed, %n batch(es)",
                                   nullptr, batches)
                              : tr("backfill of %1 (%2): %3 of %4 rows walked (%5%), %6 changed, "
                                   "%n batch(es)",
                                   nullptr, batches))
                       .arg(table, kind)
                       .arg(walked)
                       .arg(total)
                       .arg(percent)
                       .arg(changed);
    if (rate() > 0)
        text += tr(", %1 rows/s").arg(qRound64(rate()));
    if (done)
        return text + tr(", finished in %1 s").arg(double(elapsedMs) / 1000.0, 0, 'f', 1);
    const qint64 left = leftMs();
    if (left >= 0)
        text += left >= 60000
            ? tr(", about %1 min %2 s left").arg(left / 60000).arg(left / 1000 % 60)
            : tr(", about %1 s left").arg(left / 1000);
    return text;
}

} // namespace uaip
