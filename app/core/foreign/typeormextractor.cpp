#include "typeormextractor.h"

#include "error/status.h"
#include "jssource.h"

#include <QRegularExpression>

namespace uaip {

namespace {

// The first match of re in the class body [open, close] at the body's own level (depth 1:
// not inside a method), in the code (comments and strings blanked).
QRegularExpressionMatch atClassLevel(const JsSource &js, const QRegularExpression &re,
                                     qsizetype open, qsizetype close)
{
    QRegularExpressionMatchIterator it = re.globalMatch(js.code(), open);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedStart() > close)
            break;
        if (js.depth(open, m.capturedStart(1)) == 1)
            return m;
    }
    return {};
}

// The statements of one method body: every `<runner>.query(<literal>)` (awaited or not, with
// its ';', a trailing comma, an empty parameter list); anything else refuses the migration
// (BadInput, arg "line").
Status queries(const JsSource &js, qsizetype from, qsizetype to, const QString &runner,
               QString *sql)
{
    const auto byHand = [&js](qsizetype at, const QString &why) {
        return Error(ErrorCode::BadInput, why, {{QStringLiteral("line"), js.lineAt(at)}});
    };
    const QString &s = js.text();
    const QRegularExpression call(QStringLiteral(R"(\G\s*(?:await\s+)?)")
                                  + QRegularExpression::escape(runner)
                                  + QStringLiteral(R"(\s*\.\s*query\s*\(\s*)"));
    // Prettier's trailing comma; `[]` or `undefined` as the parameters: none
    static const QRegularExpression close(
        QStringLiteral(R"(\G\s*(?:,\s*(?:\[\s*\]|undefined)\s*)?,?\s*\)\s*;?)"));
    qsizetype i = from;
    while (i < to) {
        // blanks and comments between statements
        const qsizetype after = js.skipCommentOrString(i);
        if (after != i && s.at(i) == u'/') {
            i = after;
            continue;
        }
        if (s.at(i).isSpace() || s.at(i) == u';') {
            ++i;
            continue;
        }
        const QRegularExpressionMatch m = call.match(s, i);
        if (!m.hasMatch())
            return byHand(
                i, TypeOrmExtractor::tr("not a %1.query() with a string literal").arg(runner));
        qsizetype end = 0;
        qsizetype interpolation = -1;
        const qsizetype at = m.capturedEnd();
        const std::optional<QString> text = js.literal(at, &end, &interpolation);
        if (!text && interpolation >= 0)
            return byHand(
                interpolation,
                TypeOrmExtractor::tr("%1.query() with SQL built at run time (${...})").arg(runner));
        const QRegularExpressionMatch c = text ? close.match(s, end) : QRegularExpressionMatch();
        if (!text || !c.hasMatch())
            return byHand(at,
                          TypeOrmExtractor::tr("%1.query() with SQL built at run time or with "
                                               "parameters")
                              .arg(runner));
        QString statement = text->trimmed();
        if (!statement.endsWith(u';'))
            statement += u';';
        *sql += statement + u'\n';
        i = c.capturedEnd();
    }
    return {};
}

} // namespace

QString TypeOrmExtractor::timestampOf(const QString &name)
{
    // parseInt: leading white space, a sign, then the digits up to the first other character
    const QString tail = name.right(13).trimmed();
    qsizetype i = 0;
    const bool negative = i < tail.size() && tail.at(i) == u'-';
    if (i < tail.size() && (tail.at(i) == u'-' || tail.at(i) == u'+'))
        ++i;
    QString digits;
    while (i < tail.size() && tail.at(i) >= u'0' && tail.at(i) <= u'9')
        digits += tail.at(i++);
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);
    if (digits.isEmpty() || digits == u"0")
        return {};
    return negative ? u'-' + digits : digits;
}

TypeOrmExtractor::Migration TypeOrmExtractor::extract(const QString &source)
{
    Migration r;
    const JsSource js(source);
    static const QRegularExpression cls(QStringLiteral(R"(\bclass\s+([A-Za-z_$][\w$]*))"));
    QRegularExpressionMatchIterator classes = cls.globalMatch(js.code());
    if (!classes.hasNext()) {
        r.line = 1;
        r.why = tr("no migration class");
        return r;
    }
    const QRegularExpressionMatch c = classes.next();
    if (classes.hasNext()) {
        r.line = js.lineAt(classes.next().capturedStart());
        r.why = tr("a second class in the file: TypeORM would load each exported one");
        return r;
    }
    r.className = c.captured(1);
    const qsizetype open = js.code().indexOf(u'{', c.capturedEnd());
    const qsizetype close = open < 0 ? -1 : js.closingBrace(open);
    if (close < 0) {
        r.line = js.lineAt(c.capturedStart());
        r.why = tr("the body of class %1 does not end").arg(r.className);
        return r;
    }

    if (!readName(js, open, close, c, r))
        return r;
    for (const bool isUp : {true, false})
        if (!readMethod(js, open, close, c, isUp, r))
            return r;
    r.ok = true;
    return r;
}

bool TypeOrmExtractor::readName(const JsSource &js, qsizetype open, qsizetype close,
                                const QRegularExpressionMatch &c, Migration &r)
{
    // the name TypeORM records: a `name` field (static or not) or this.name = '...'
    r.name = r.className;
    static const QRegularExpression field(QStringLiteral(
        R"((?:^|[\s;{}])(?:(?:public|private|protected|readonly|override|declare|static)\s+)*(name)\s*[?!]?\s*(?::\s*string\s*)?=\s*)"));
    static const QRegularExpression assigned(QStringLiteral(R"(\bthis\s*\.\s*(name)\s*=\s*)"));
    QRegularExpressionMatch n = atClassLevel(js, field, open, close);
    if (!n.hasMatch()) {
        const QRegularExpressionMatch a = assigned.match(js.code(), open);
        if (a.hasMatch() && a.capturedStart() < close)
            n = a;
    }
    if (n.hasMatch()) {
        qsizetype end = 0;
        const std::optional<QString> value = js.literal(n.capturedEnd(), &end);
        if (!value) {
            r.line = js.lineAt(n.capturedStart(1));
            r.why = tr("the migration's name is not a string literal");
            return false;
        }
        r.name = *value;
    }
    r.timestamp = timestampOf(r.name);
    if (r.timestamp.isEmpty() || r.timestamp.startsWith(u'-')) {
        r.line = js.lineAt(n.hasMatch() ? n.capturedStart(1) : c.capturedStart(1));
        r.why = tr("the migration name %1 does not end in a JavaScript timestamp (TypeORM "
                   "refuses it)")
                    .arg(r.name);
        return false;
    }
    return true;
}

bool TypeOrmExtractor::readMethod(const JsSource &js, qsizetype open, qsizetype close,
                                  const QRegularExpressionMatch &c, bool isUp, Migration &r)
{
    const QRegularExpression method(
        QStringLiteral(R"((?:^|[\s;}])(?:(?:public|async)\s+)*(%1)\s*\(\s*([A-Za-z_$][\w$]*))")
            .arg(isUp ? QStringLiteral("up") : QStringLiteral("down")));
    const QRegularExpressionMatch m = atClassLevel(js, method, open, close);
    if (!m.hasMatch()) {
        if (isUp) {
            r.line = js.lineAt(c.capturedStart());
            r.why = tr("no up(queryRunner) method in class %1").arg(r.className);
            return false;
        }
        return true;
    }
    const qsizetype body = js.code().indexOf(u'{', m.capturedEnd());
    const qsizetype bodyEnd = body < 0 ? -1 : js.closingBrace(body);
    if (bodyEnd < 0 || bodyEnd > close) {
        r.line = js.lineAt(m.capturedStart(2));
        r.why = tr("the body of %1() does not end").arg(isUp ? "up" : "down");
        return false;
    }
    QString &sql = isUp ? r.up : r.down;
    if (const Status read = queries(js, body + 1, bodyEnd, m.captured(2), &sql); !read) {
        r.line = read.error().arg(QStringLiteral("line")).toInt();
        r.why = read.error().text();
        return false;
    }
    if (!isUp)
        r.hasDown = !sql.isEmpty();
    return true;
}

} // namespace uaip
