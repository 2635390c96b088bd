#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// One thing 'validate' found: a syntax error (file:line:col) or a ledger/file mismatch.
struct ValidationProblem
{
    QString kind; // syntax | modified | missing | failed | source
    QString file;
    int line = 0;
    int column = 0;
    QString message;

    QString describe() const
    {
        if (line > 0)
            return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(column).arg(message);
        return file.isEmpty() ? message : QStringLiteral("%1: %2").arg(file, message);
    }
    // Each problem's describe(), in order.
    static QStringList describeAll(const QList<ValidationProblem> &problems)
    {
        QStringList lines;
        for (const ValidationProblem &p : problems)
            lines << p.describe();
        return lines;
    }
};

} // namespace uaip
