#include "cascadereport.h"

#include <climits>

namespace uaip {

qint64 CascadeReport::totalRows() const
{
    qint64 n = 0;
    for (const Table &t : tables)
        n += t.deleted + t.updated;
    return n;
}

bool CascadeReport::admits(const CascadeReport &actual) const
{
    if (!bounded)
        return actual.tables == tables;
    for (const Table &t : tables) {
        const auto it = std::find_if(actual.tables.cbegin(), actual.tables.cend(),
                                     [&t](const Table &a) { return a.name == t.name; });
        if (it == actual.tables.cend() || it->deleted < t.deleted || it->updated < t.updated)
            return false;
    }
    return true;
}

QStringList CascadeReport::lines() const
{
    // %Ln: the count in the locale's digits; the plural form from the count.
    const auto count = [](qint64 n) { return int(qMin<qint64>(n, INT_MAX)); };
    QStringList out;
    for (const Table &t : tables) {
        QStringList what;
        if (t.deleted > 0)
            what << (bounded ? tr("at least %Ln row(s) deleted", nullptr, count(t.deleted))
                             : tr("%Ln row(s) deleted", nullptr, count(t.deleted)));
        if (t.updated > 0)
            what << (bounded ? tr("at least %Ln row(s) changed", nullptr, count(t.updated))
                             : tr("%Ln row(s) changed", nullptr, count(t.updated)));
        out << tr("%1: %2").arg(t.name, what.join(QStringLiteral(", ")));
    }
    return out;
}

QString CascadeReport::refusalText() const
{
    if (!refusal)
        return QString();
    const Refusal &r = *refusal;
    const QString foreignKey
        = (r.isDelete ? QStringLiteral("ON DELETE ") : QStringLiteral("ON UPDATE ")) + r.action;
    if (r.rows < 0)
        return r.isDelete
            ? tr("Row %1: the delete will fail: rows in %2 reference it (foreign key %3, %4).")
                  .arg(r.rowKey, r.table, r.constraint, foreignKey)
            : tr("Row %1: the key change will fail: rows in %2 reference it (foreign key %3, "
                 "%4).")
                  .arg(r.rowKey, r.table, r.constraint, foreignKey);
    const int n = int(qMin<qint64>(r.rows, INT_MAX));
    return r.isDelete
        ? tr("Row %1: the delete will fail: %Ln row(s) in %2 reference it (foreign key %3, %4).",
             nullptr, n)
              .arg(r.rowKey, r.table, r.constraint, foreignKey)
        : tr("Row %1: the key change will fail: %Ln row(s) in %2 reference it (foreign key %3, "
             "%4).",
             nullptr, n)
              .arg(r.rowKey, r.table, r.constraint, foreignKey);
}

} // namespace uaip
