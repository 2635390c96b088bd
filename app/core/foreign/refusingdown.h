#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// The down.sql of a converted migration whose tool kept none and for which none could be
// generated: it fails loudly, naming the file. Where a down.sql was generated and refused, why
// (the error and its SQLSTATE, what differed) and the generated SQL are kept in it as comments,
// so the file explains itself.
class RefusingDown
{
public:
    static QByteArray sql(const QString &toolName, const QString &source, const QString &why = {},
                          const QString &generated = {});
};

} // namespace uaip
