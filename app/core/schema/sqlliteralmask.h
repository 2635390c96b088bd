#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// One line of SQL (as PostgreSQL prints a definition back) with its literals masked: quoted
// strings (with their E/B/X/N/U& prefix), single-line dollar-quoted strings and numbers are
// each replaced by one placeholder character and kept, in order, in literals().
// Quoted identifiers, comments and $1-style parameters are left as they are. Two lines that
// mask equal differ in literal values only.
class SqlLiteralMask
{
public:
    explicit SqlLiteralMask(const QString &line);

    const QString &masked() const { return m_masked; }
    const QStringList &literals() const { return m_literals; }

private:
    QString m_masked;
    QStringList m_literals;
};

} // namespace uaip
