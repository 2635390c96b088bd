#include "uncheckedstatementlocks.h"

#include "sqlparse/pgtokens.h"

namespace uaip {

namespace {

// A token a relation's name may be: an identifier (quoted or not) or a keyword that is not
// reserved (a table may be called data, name or text).
bool mayName(const PgQuery__ScanToken &t)
{
    // (U&"..." is UIDENT, not taken: to_regclass does not read it)
    return t.token == PG_QUERY__TOKEN__IDENT
        || t.keyword_kind == PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD
        || t.keyword_kind == PG_QUERY__KEYWORD_KIND__COL_NAME_KEYWORD
        || t.keyword_kind == PG_QUERY__KEYWORD_KIND__TYPE_FUNC_NAME_KEYWORD;
}

bool isComment(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SQL_COMMENT || t.token == PG_QUERY__TOKEN__C_COMMENT;
}

} // namespace

QStringList UncheckedStatementLocks::names(const QByteArray &statement)
{
    const PgTokens tokens(statement);
    QStringList out;
    // the tokens without comments, so that "a /* x */ . b" is a dotted name too
    QList<const PgQuery__ScanToken *> words;
    for (size_t i = 0; i < tokens.size(); ++i)
        if (!isComment(tokens.at(i)))
            words << &tokens.at(i);
    const auto textOf = [&statement](const PgQuery__ScanToken *t) {
        return QString::fromUtf8(statement.constData() + t->start, t->end - t->start);
    };
    const auto keep = [&out](const QString &name) {
        if (!out.contains(name))
            out << name;
    };
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (!mayName(*words[i]))
            continue;
        // the name alone, and with the next one where a dot joins them (schema.table, also
        // the first two parts of schema.table.column); a third part would name another
        // database, which the live read refuses
        keep(textOf(words[i]));
        if (i + 2 < words.size() && words[i + 1]->token == PG_QUERY__TOKEN__ASCII_46
            && mayName(*words[i + 2]))
            keep(textOf(words[i]) + u'.' + textOf(words[i + 2]));
    }
    return out;
}

void UncheckedStatementLocks::assumeWorst(LockForecast &forecast, const QByteArray &statement,
                                          const QString &why)
{
    forecast.markNotChecked(why);
    for (const QString &name : names(statement)) {
        RelationLock lock = RelationLock::on(name, LockMode::AccessExclusive);
        lock.rewrites = true;
        lock.guessed = true;
        forecast.add(lock);
    }
}

} // namespace uaip
