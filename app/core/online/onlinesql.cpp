#include "onlinesql.h"

#include "sqlparse/parsetreenames.h"
#include "util/sqlcomment.h"

namespace uaip {

const QString OnlineSql::kNoTransaction = QStringLiteral("-- uaip:no-transaction");
const QString OnlineSql::kBatch = QStringLiteral("-- uaip:batch rows=5000 pause=10ms");
const QString OnlineSql::kAllowCheckedNotNull = QStringLiteral(
    "-- uaip:allow-blocking the SET NOT NULL of the column added again is proved by the CHECK "
    "validated before it, so it does not scan; the gate cannot know that of a column the plan "
    "adds");

QString OnlineSql::ident(const QString &name)
{
    return ParseTreeNames::quoteIdentifier(name);
}

QString OnlineSql::literal(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

QString OnlineSql::header(const QStringList &directives, const QStringList &lines)
{
    QStringList out = directives;
    for (const QString &line : lines)
        out << SqlComment::line(SqlComment::text(line));
    return out.join(u'\n') + u'\n';
}

QString OnlineSql::script(const QString &head, const QStringList &statements)
{
    return head + u'\n' + statements.join(u'\n') + u'\n';
}

QString OnlineSql::helperName(const QString &hash, const QString &suffix)
{
    return QStringLiteral("uaip_online_") + hash + (suffix.isEmpty() ? QString() : u'_' + suffix);
}

QString OnlineSql::dollarQuote(const QString &hash, const QString &body)
{
    QString tag = u'$' + helperName(hash, {}) + u'$';
    while (body.contains(tag))
        tag.insert(1, u'x');
    return tag;
}

} // namespace uaip
