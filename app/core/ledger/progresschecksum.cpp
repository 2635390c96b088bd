#include "progresschecksum.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace uaip {

namespace {

QString rowsChecksum(const QByteArray &rows)
{
    return QString::fromLatin1(QCryptographicHash::hash(rows, QCryptographicHash::Sha256).toHex());
}

} // namespace

ProgressChecksum::ProgressChecksum(const QList<SqlStatement> &statements)
    : m_statements(statements)
{ }

void ProgressChecksum::restart()
{
    m_sql.reset();
    m_rows.clear();
    m_hashed = 0;
}

QString ProgressChecksum::upTo(int done)
{
    done = std::clamp(done, 0, int(m_statements.size()));
    if (done < m_hashed)
        restart();
    for (; m_hashed < done; ++m_hashed) {
        const SqlStatement &st = m_statements[m_hashed];
        m_sql.addData(st.text);
        m_sql.addData(QByteArrayView("\0", 1));
        if (st.copyData)
            m_rows += QStringLiteral(";%1=%2").arg(m_hashed + 1).arg(rowsChecksum(*st.copyData));
    }
    // result() leaves the hash open: the next statements are added to it
    return QString::fromLatin1(m_sql.result().toHex()) + m_rows;
}

QString ProgressChecksum::of(const QList<SqlStatement> &statements, int done)
{
    return ProgressChecksum(statements).upTo(done);
}

QString ProgressChecksum::difference(const QString &recorded, const QList<SqlStatement> &statements,
                                     int done, const QString &path)
{
    if (done > statements.size())
        return tr("%1 has fewer statements now (%2) than had run before the failure (%3)")
            .arg(path)
            .arg(statements.size())
            .arg(done);
    const QStringList parts = recorded.split(u';');
    const QString now = of(statements, done);
    if (now.section(u';', 0, 0) != parts.first())
        return tr("in %1, the statements that ran before the failure (1-%2) changed since")
            .arg(path)
            .arg(done);
    QHash<int, QString> rows;
    for (qsizetype i = 1; i < parts.size(); ++i)
        rows.insert(parts[i].section(u'=', 0, 0).toInt(), parts[i].section(u'=', 1));
    QStringList changed;
    QStringList unknown;
    for (int i = 0; i < done; ++i) {
        const SqlStatement &st = statements[i];
        if (!st.copyData)
            continue;
        const QString where = QStringLiteral("%1:%2").arg(path, st.start.toString());
        if (!rows.contains(i + 1))
            unknown << where;
        else if (rows.value(i + 1) != rowsChecksum(*st.copyData))
            changed << where;
    }
    if (!changed.isEmpty())
        return tr("the inline rows of the COPY at %1 changed since they were loaded (the table "
                  "holds the rows as they ran)")
            .arg(changed.join(QStringLiteral(", ")));
    if (!unknown.isEmpty())
        return tr("the ledger row does not say which rows the COPY at %1 loaded (an older "
                  "version wrote it), so whether they changed since cannot be told")
            .arg(unknown.join(QStringLiteral(", ")));
    return {};
}

} // namespace uaip
