#include "uncheckedstatementlocks.h"

#include "sqlparse/pgtokens.h"

namespace uaip {

namespace {

// A token a relation's name may be: an identifier (quoted or not) or a keyword that is not
// reserved (a table may be called data, name or text).
bool mayName(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__IDENT || t.token == PG_QUERY__TOKEN__UIDENT
        || t.keyword_kind == PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD
        || t.keyword_kind == PG_QUERY__KEYWORD_KIND__COL_NAME_KEYWORD
        || t.keyword_kind == PG_QUERY__KEYWORD_KIND__TYPE_FUNC_NAME_KEYWORD;
}

bool isComment(const PgQuery__ScanToken &t)
{
    return t.token == PG_QUERY__TOKEN__SQL_COMMENT || t.token == PG_QUERY__TOKEN__C_COMMENT;
}

// U&"d\0061ta" UESCAPE '!' as the quoted name it is, "data" (to_regclass reads no U&): the
// escapes \XXXX, \+XXXXXX and a doubled escape character decoded, a doubled quote kept. Empty
// when it cannot be decoded (then every relation the statement may name is not known: the
// caller assumes the worst of the whole statement).
QString decodedUnicodeName(const QString &token, QChar escape)
{
    if (!token.startsWith(QLatin1String("U&\"")) && !token.startsWith(QLatin1String("u&\"")))
        return QString();
    const QString body = token.mid(3, token.size() - 4);
    QString out;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c != escape) {
            out += c;
            continue;
        }
        if (i + 1 < body.size() && body.at(i + 1) == escape) {
            out += escape;
            ++i;
            continue;
        }
        const bool six = i + 1 < body.size() && body.at(i + 1) == u'+';
        const qsizetype digits = six ? 6 : 4;
        const qsizetype from = i + (six ? 2 : 1);
        bool ok = false;
        const uint code = body.mid(from, digits).toUInt(&ok, 16);
        if (!ok || body.mid(from, digits).size() != digits || code == 0 || code > 0x10FFFF)
            return QString();
        const char32_t one = code;
        out += QString::fromUcs4(&one, 1);
        i = from + digits - 1;
    }
    return u'"' + out + u'"'; // the doubled quotes of the body stay doubled
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
    const auto rawText = [&statement](const PgQuery__ScanToken *t) {
        return QString::fromUtf8(statement.constData() + t->start, t->end - t->start);
    };
    // a name as to_regclass reads it: a U&"..." one decoded (its UESCAPE 'c' after it)
    const auto textOf = [&](qsizetype i) {
        const QString raw = rawText(words[i]);
        if (words[i]->token != PG_QUERY__TOKEN__UIDENT)
            return raw;
        QChar escape = u'\\';
        if (i + 2 < words.size() && words[i + 1]->token == PG_QUERY__TOKEN__UESCAPE) {
            const QString quoted = rawText(words[i + 2]);
            if (quoted.size() == 3)
                escape = quoted.at(1);
        }
        return decodedUnicodeName(raw, escape);
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
        const QString name = textOf(i);
        if (name.isEmpty()) {
            keep(QString()); // a name not decoded: every relation the statement reaches
            continue;
        }
        keep(name);
        if (i + 2 < words.size() && words[i + 1]->token == PG_QUERY__TOKEN__ASCII_46
            && mayName(*words[i + 2]) && !textOf(i + 2).isEmpty())
            keep(name + u'.' + textOf(i + 2));
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
