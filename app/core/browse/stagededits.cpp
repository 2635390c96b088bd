#include "stagededits.h"

namespace uaip {

QString StagedEdits::keyFor(const QVariantList &primaryKey)
{
    QString key;
    for (const QVariant &v : primaryKey) {
        const QString s = v.toString();
        key += QString::number(s.size()) + u':' + s + u';';
    }
    return key;
}

const StagedRow *StagedEdits::find(const QString &key) const
{
    const auto it = m_rows.constFind(key);
    return it == m_rows.constEnd() ? nullptr : &it.value();
}

QStringList StagedEdits::insertKeys() const
{
    QStringList keys;
    for (const QString &k : m_order)
        if (m_rows.value(k).kind == StagedRow::Kind::Insert)
            keys << k;
    return keys;
}

QList<StagedRow> StagedEdits::rowsInOrder() const
{
    QList<StagedRow> rows;
    for (const QString &k : m_order)
        rows << m_rows.value(k);
    return rows;
}

void StagedEdits::setValue(const QVariantList &primaryKey, const QString &xmin,
                           const QVariantList &original, int column, const QVariant &value)
{
    const QString key = keyFor(primaryKey);
    auto it = m_rows.find(key);
    if (it == m_rows.end()) {
        const QVariant before = original.value(column);
        if (before.isNull() == value.isNull() && before.toString() == value.toString())
            return;
        StagedRow row;
        row.kind = StagedRow::Kind::Update;
        row.key = key;
        row.primaryKey = primaryKey;
        row.xmin = xmin;
        row.original = original;
        it = m_rows.insert(key, row);
        m_order << key;
    }
    if (it->kind == StagedRow::Kind::Delete)
        return;
    const QVariant before = it->original.value(column);
    if (before.isNull() == value.isNull() && before.toString() == value.toString())
        it->changes.remove(column);
    else
        it->changes.insert(column, value);
    it->errorColumn.clear(); // the user touched the row: the old error no longer applies
    it->errorMessage.clear();
    if (it->changes.isEmpty())
        remove(key);
}

QString StagedEdits::addInsert(const QHash<int, QVariant> &values)
{
    StagedRow row;
    row.kind = StagedRow::Kind::Insert;
    row.key = QStringLiteral("new:%1").arg(m_nextInsert++);
    row.changes = values;
    m_rows.insert(row.key, row);
    m_order << row.key;
    return row.key;
}

void StagedEdits::setInsertValue(const QString &key, int column, const QVariant &value)
{
    auto it = m_rows.find(key);
    if (it == m_rows.end() || it->kind != StagedRow::Kind::Insert)
        return;
    it->changes.insert(column, value);
    it->errorColumn.clear();
    it->errorMessage.clear();
}

void StagedEdits::markDeleted(const QVariantList &primaryKey, const QString &xmin,
                              const QVariantList &original)
{
    const QString key = keyFor(primaryKey);
    StagedRow row;
    row.kind = StagedRow::Kind::Delete;
    row.key = key;
    row.primaryKey = primaryKey;
    row.xmin = xmin;
    row.original = original;
    if (const auto it = m_rows.constFind(key); it != m_rows.constEnd()) {
        row.xmin = it->xmin; // keep the version the first edit was based on
        row.original = it->original;
    } else {
        m_order << key;
    }
    m_rows.insert(key, row);
}

void StagedEdits::remove(const QString &key)
{
    m_rows.remove(key);
    m_order.removeAll(key);
}

void StagedEdits::clear()
{
    m_rows.clear();
    m_order.clear();
}

void StagedEdits::setError(const QString &key, const QString &column, const QString &message)
{
    auto it = m_rows.find(key);
    if (it == m_rows.end())
        return;
    it->errorColumn = column;
    it->errorMessage = message;
}

void StagedEdits::clearErrors()
{
    for (StagedRow &row : m_rows) {
        row.errorColumn.clear();
        row.errorMessage.clear();
    }
}

void StagedEdits::rebase(const QString &key, const QString &xmin, const QVariantList &original)
{
    auto it = m_rows.find(key);
    if (it == m_rows.end())
        return;
    it->xmin = xmin;
    it->original = original;
}

} // namespace uaip
