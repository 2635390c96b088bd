#include "generatedscript.h"

#include "sqlparse/sqlsplitter.h"
#include "util/sqlcomment.h"

#include <QStringList>

namespace uaip {

namespace {

const QString kFunctionBodiesOff = QStringLiteral("SET LOCAL check_function_bodies = off;");
const QString kNothingRuns = QStringLiteral("SELECT 1;");

} // namespace

int GeneratedScript::heldBackCount() const
{
    int n = 0;
    for (const DdlStep &s : steps)
        n += s.heldBack ? 1 : 0;
    return n;
}

// Function bodies may name tables created further down (pg_dump does the same).
bool GeneratedScript::createsFunctions() const
{
    for (const DdlStep &s : steps)
        if (!s.heldBack && s.key.startsWith(u"function ") && s.sql.startsWith(u"CREATE"))
            return true;
    return false;
}

bool GeneratedScript::needsFunctionBodiesOff() const
{
    return !noTransaction && createsFunctions();
}

QString GeneratedScript::render(const QString &header) const
{
    QStringList out;
    if (noTransaction)
        out << QStringLiteral("-- uaip:no-transaction");
    for (const QString &line : SqlComment::lines(header))
        out << SqlComment::line(SqlComment::text(line));
    for (const GeneratorNote &n : notes)
        out << QStringLiteral("-- REVIEW (%1): %2").arg(n.kindText(), SqlComment::text(n.message));
    out << QString();
    if (needsFunctionBodiesOff())
        out << kFunctionBodiesOff << QString();
    for (const DdlStep &s : steps) {
        if (!s.heldBack) {
            out << s.sql;
            continue;
        }
        out << QStringLiteral("-- HELD BACK: %1").arg(SqlComment::text(s.reason));
        out << SqlComment::commentedOut(s.sql);
    }
    if (steps.isEmpty())
        out << QString()
            << kNothingRuns + QStringLiteral(" -- no step: the schema is the same either way");
    else if (steps.size() == heldBackCount())
        out << QString()
            << kNothingRuns + QStringLiteral(" -- no step above runs until you uncomment it");
    return out.join(u'\n') + u'\n';
}

QString GeneratedScript::liveSql() const
{
    QStringList out;
    if (needsFunctionBodiesOff())
        out << kFunctionBodiesOff;
    for (const DdlStep &s : steps)
        if (!s.heldBack)
            out << s.sql;
    if (steps.size() == heldBackCount())
        out << kNothingRuns;
    return out.join(u'\n') + u'\n';
}

std::optional<QString> GeneratedScript::strayStatement(const QByteArray &file) const
{
    // compared as texts: syntax newer than the parser (a catalog of 18) as psql splits it
    const SqlSplitResult inFile = SqlSplitter::split(file).admitted();
    const SqlSplitResult intended = SqlSplitter::split(liveSql().toUtf8()).admitted();
    if (!inFile.ok())
        return inFile.error->message;
    if (!intended.ok())
        return intended.error->message;
    for (qsizetype i = 0; i < inFile.statements.size(); ++i) {
        const SqlStatement &s = inFile.statements[i];
        if (i >= intended.statements.size() || intended.statements[i].text != s.text)
            return QStringLiteral("%1:%2: %3")
                .arg(s.start.line)
                .arg(s.start.column)
                .arg(SqlComment::text(QString::fromUtf8(s.text.left(200))));
    }
    if (intended.statements.size() != inFile.statements.size())
        return QStringLiteral("%1 of %2 statements")
            .arg(inFile.statements.size())
            .arg(intended.statements.size());
    return std::nullopt;
}

} // namespace uaip
