#include "uncheckedstatementrules.h"

#include "sqlparse/parserversion.h"
#include "sqlparse/pgtokens.h"

#include <QSet>

namespace uaip {

namespace {

bool isComment(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SQL_COMMENT || t.token == PG_QUERY__TOKEN__C_COMMENT;
}

// Why the statement may break a rule the parser's tree would have checked; empty when its
// tokens show nothing of the kind.
QString whyRefused(const QByteArray &text, bool noTransaction)
{
    static const QSet<QString> transactionWords{
        QStringLiteral("begin"),     QStringLiteral("start"),    QStringLiteral("commit"),
        QStringLiteral("end"),       QStringLiteral("rollback"), QStringLiteral("abort"),
        QStringLiteral("savepoint"), QStringLiteral("release"),  QStringLiteral("prepare")};
    const PgTokens tokens(text);
    QString first;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const PgQuery__ScanToken &t = tokens.at(i);
        if (isComment(t))
            continue;
        const QString word
            = QString::fromUtf8(text.constData() + t.start, t.end - t.start).toLower();
        if (first.isEmpty()) {
            first = word;
            if (transactionWords.contains(word))
                return UncheckedStatementRules::tr("begins with %1, a transaction command")
                    .arg(word.toUpper());
            if (word == QLatin1String("copy"))
                return UncheckedStatementRules::tr("is a COPY, which may copy to or from the "
                                                   "client");
            if (!noTransaction && word == QLatin1String("vacuum"))
                return UncheckedStatementRules::tr("is a VACUUM, which cannot run in the "
                                                   "migration's transaction");
        }
        if (word.startsWith(QLatin1String("pg_advisory_unlock")))
            return UncheckedStatementRules::tr("calls %1, which may release the runner's lock")
                .arg(word);
        if (!noTransaction && word == QLatin1String("concurrently"))
            return UncheckedStatementRules::tr("says CONCURRENTLY, which cannot run in the "
                                               "migration's transaction");
    }
    return QString();
}

} // namespace

QList<ValidationProblem>
UncheckedStatementRules::check(const QString &path, const SqlSplitResult &split, bool noTransaction)
{
    QList<ValidationProblem> out;
    for (const UncheckedStatement &u : split.unchecked) {
        const SqlStatement &statement = split.statements.at(u.index);
        const QString why = whyRefused(statement.text, noTransaction);
        if (why.isEmpty())
            continue;
        out << ValidationProblem{
            QStringLiteral("syntax"), path, statement.start.line, statement.start.column,
            tr("the console's parser (PostgreSQL %1) cannot read this statement, and it %2: "
               "its rules are not checked, so it is not run; write it in syntax the parser "
               "reads, or run it by hand")
                .arg(ParserVersion::major())
                .arg(why)};
    }
    return out;
}

} // namespace uaip
