#pragma once

#include "sqlparse/sqlstatement.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QList>
#include <QString>

namespace uaip {

// What the dirty ledger row of a no-transaction run keeps of the statements that completed,
// so that repair --resume goes on only where the file is still the one that ran: SHA-256 of
// their SQL (each text and a NUL), and of each inline COPY's rows, which are data, not SQL
// (edited rows under the same COPY statement must not pass):
//     <sql>[;<n>=<rows>]...     n: the COPY's statement number (1-based)
// A row written before the rows were kept holds only <sql>.
class ProgressChecksum
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ProgressChecksum)

public:
    // Over the statements of one script, computed as a run goes: each statement is hashed
    // once (a run of n statements records n progress rows).
    explicit ProgressChecksum(const QList<SqlStatement> &statements);

    // The checksum of the first `done` statements. Cheapest when done does not decrease.
    QString upTo(int done);

    static QString of(const QList<SqlStatement> &statements, int done);

    // What differs between the statements that ran (recorded, their number done) and
    // statements (the file now, at path): empty when nothing does; otherwise a phrase naming
    // it ("the inline rows of the COPY at path:3:1 changed since they were loaded", ...).
    static QString difference(const QString &recorded, const QList<SqlStatement> &statements,
                              int done, const QString &path);

private:
    void restart();

    const QList<SqlStatement> &m_statements;
    QCryptographicHash m_sql{QCryptographicHash::Sha256};
    QString m_rows; // ";n=<rows>" of the COPYs hashed so far
    int m_hashed = 0;
};

} // namespace uaip
