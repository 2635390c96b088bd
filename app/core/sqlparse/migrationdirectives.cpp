#include "migrationdirectives.h"

#include "sqlsplitter.h"

#include "error/status.h"
#include "util/durationtext.h"

#include <QList>
#include <QRegularExpression>

#include <limits>

namespace uaip {

namespace {

const QByteArray directivePrefix = QByteArrayLiteral("uaip:");
constexpr int kMaxBatchRows = 1000000;

// If the (trimmed) line is a "--" comment, its text after the dashes, trimmed.
std::optional<QByteArray> commentText(const QByteArray &trimmedLine)
{
    if (!trimmedLine.startsWith("--"))
        return std::nullopt;
    qsizetype i = 2;
    while (i < trimmedLine.size() && trimmedLine.at(i) == '-')
        ++i;
    return trimmedLine.sliced(i).trimmed();
}

bool isDirective(const QByteArray &comment)
{
    return comment.size() >= directivePrefix.size()
        && comment.first(directivePrefix.size()).toLower() == directivePrefix;
}

// A malformed directive: BadInput, with the directive's name ("lock-timeout", "batch rows",
// ...) and the value written for it, if any.
Error directiveError(const QString &text, const QString &name, const QString &value = QString())
{
    QVariantMap args{{QStringLiteral("name"), name}};
    if (!value.isNull())
        args.insert(QStringLiteral("value"), value);
    return Error(ErrorCode::BadInput, text, args);
}

// Parses "5s", "500ms", "2min", "1h" or "250" (milliseconds): DurationText. name: the
// directive's, for the error.
Result<int> parseDuration(const QString &name, const QString &value)
{
    bool tooLarge = false;
    const std::optional<int> ms = DurationText::toMs(value, &tooLarge);
    if (ms && !tooLarge)
        return *ms;
    if (tooLarge)
        return directiveError(QCoreApplication::translate("uaip::MigrationDirectives",
                                                          "uaip:%1 value \"%2\" is too large")
                                  .arg(name, value),
                              name, value);
    return directiveError(QCoreApplication::translate(
                              "uaip::MigrationDirectives",
                              "bad uaip:%1 value \"%2\"; use a whole number with ms, s, min or h "
                              "(a plain number is milliseconds), e.g. uaip:%1=5s")
                              .arg(name, value),
                          name, value);
}

// A "-- uaip:" comment's text after the prefix: "name", "name=value" or "name trailing".
struct Directive
{
    QString body;
    bool hasValue = false;
    QString writtenName;
    QString value;
    QString trailing;
};

Directive splitDirective(const QByteArray &comment)
{
    Directive d;
    d.body = QString::fromUtf8(comment.sliced(directivePrefix.size())).trimmed();
    const qsizetype equals = d.body.indexOf(u'=');
    d.hasValue = equals >= 0;
    d.writtenName = (d.hasValue ? d.body.first(equals) : d.body).trimmed();
    d.value = d.hasValue ? d.body.sliced(equals + 1).trimmed() : QString();
    if (!d.hasValue) {
        static const QRegularExpression space(QStringLiteral("\\s"));
        const qsizetype cut = d.writtenName.indexOf(space);
        if (cut >= 0) {
            d.trailing = d.writtenName.sliced(cut).trimmed();
            d.writtenName.truncate(cut);
        }
    }
    return d;
}

// "allow-blocking REASON" (or "=REASON"): the reason, empty when none is given; nullopt for
// another directive. The reason is free text: it may hold '=' and spaces.
std::optional<QString> allowBlockingReason(const QString &body)
{
    static const QString name = QStringLiteral("allow-blocking");
    if (!body.startsWith(name, Qt::CaseInsensitive))
        return std::nullopt;
    QString rest = body.sliced(name.size());
    if (!rest.isEmpty() && !rest.front().isSpace() && rest.front() != u'=')
        return std::nullopt;
    rest = rest.trimmed();
    if (rest.startsWith(u'='))
        rest = rest.sliced(1).trimmed();
    return rest;
}

// "allow RULE REASON": the allowance (without its place), or the error when the rule or the
// reason is missing; nullopt for another directive.
std::optional<Result<MigrationDirectives::Allowance>> allowDirective(const Directive &d)
{
    if (d.writtenName.compare(u"allow", Qt::CaseInsensitive) != 0 || d.hasValue)
        return std::nullopt;
    static const QRegularExpression space(QStringLiteral("\\s"));
    const qsizetype cut = d.trailing.indexOf(space);
    MigrationDirectives::Allowance allowance;
    allowance.rule = cut < 0 ? d.trailing : d.trailing.first(cut);
    allowance.reason = cut < 0 ? QString() : d.trailing.sliced(cut).trimmed();
    if (allowance.rule.isEmpty() || allowance.reason.isEmpty())
        return Result<MigrationDirectives::Allowance>(directiveError(
            QCoreApplication::translate("uaip::MigrationDirectives",
                                        "uaip:allow needs a rule and a reason, e.g. -- uaip:allow "
                                        "prefer-text-field the column holds ISO country codes"),
            QStringLiteral("allow")));
    return Result<MigrationDirectives::Allowance>(allowance);
}

// "batch rows=N pause=DURATION" (either setting optional): the batch; nullopt for another
// directive; the error when a setting is malformed.
Result<std::optional<MigrationDirectives::Batch>> batchDirective(const QString &body)
{
    static const QString name = QStringLiteral("batch");
    if (!body.startsWith(name, Qt::CaseInsensitive)
        || (body.size() > name.size() && !body.at(name.size()).isSpace()))
        return std::optional<MigrationDirectives::Batch>();
    MigrationDirectives::Batch batch;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList settings
        = body.sliced(name.size()).trimmed().split(space, Qt::SkipEmptyParts);
    for (const QString &setting : settings) {
        const qsizetype equals = setting.indexOf(u'=');
        const QString key = equals < 0 ? setting : setting.first(equals).toLower();
        const QString value = equals < 0 ? QString() : setting.sliced(equals + 1);
        bool ok = false;
        if (key == u"rows") {
            batch.rows = value.toInt(&ok);
            if (!ok || batch.rows < 1 || batch.rows > kMaxBatchRows)
                return directiveError(
                    QCoreApplication::translate(
                        "uaip::MigrationDirectives",
                        "bad uaip:batch rows \"%1\"; use a whole number from 1 to %2")
                        .arg(value)
                        .arg(kMaxBatchRows),
                    QStringLiteral("batch rows"), value);
        } else if (key == u"pause") {
            const Result<int> ms = parseDuration(QStringLiteral("batch pause"), value);
            if (!ms)
                return ms.error();
            batch.pauseMs = *ms;
        } else {
            return directiveError(
                QCoreApplication::translate("uaip::MigrationDirectives",
                                            "unknown uaip:batch setting \"%1\"; write e.g. "
                                            "-- uaip:batch rows=10000 pause=20ms")
                    .arg(setting),
                QStringLiteral("batch"), setting);
        }
    }
    return std::optional<MigrationDirectives::Batch>(batch);
}

// name=DURATION into target; the error when it is malformed or given twice.
Status durationDirective(const Directive &d, const QString &name, std::optional<int> &target)
{
    if (!d.hasValue || d.value.isEmpty())
        return directiveError(
            QCoreApplication::translate("uaip::MigrationDirectives",
                                        "uaip:%1 needs a duration, e.g. uaip:%1=5s")
                .arg(name),
            name);
    if (target)
        return directiveError(QCoreApplication::translate("uaip::MigrationDirectives",
                                                          "uaip:%1 is given more than once")
                                  .arg(name),
                              name);
    const Result<int> ms = parseDuration(name, d.value);
    if (!ms)
        return ms.error();
    target = *ms;
    return {};
}

// uaip:expand and uaip:contract-of in one file.
Error bothHalves()
{
    return directiveError(
        QCoreApplication::translate("uaip::MigrationDirectives",
                                    "uaip:expand and uaip:contract-of in one file: a migration is "
                                    "either the expand or the contract of an online change"),
        QStringLiteral("contract-of"));
}

// "contract-of VERSION" (or "=VERSION") into directives; the error when the version is missing,
// is not one word or the directive is given twice.
Status contractOfDirective(const Directive &d, MigrationDirectives &directives)
{
    const QString version = d.hasValue ? d.value : d.trailing;
    static const QRegularExpression versionText(QStringLiteral("^[0-9][0-9-]*$"));
    if (version.isEmpty() || !versionText.match(version).hasMatch())
        return directiveError(
            QCoreApplication::translate("uaip::MigrationDirectives",
                                        "uaip:contract-of needs the version of its expand "
                                        "migration, e.g. -- uaip:contract-of 20260101120000"),
            QStringLiteral("contract-of"), version.isEmpty() ? QString() : version);
    if (directives.contractOf)
        return directiveError(
            QCoreApplication::translate("uaip::MigrationDirectives",
                                        "uaip:contract-of is given more than once"),
            QStringLiteral("contract-of"));
    if (directives.expand)
        return bothHalves();
    directives.contractOf = version;
    return {};
}

// "expand" into directives; the error when it has a value, is given twice or stands beside
// uaip:contract-of.
Status expandDirective(const Directive &d, MigrationDirectives &directives)
{
    if (d.hasValue || !d.trailing.isEmpty())
        return directiveError(
            QCoreApplication::translate("uaip::MigrationDirectives", "uaip:expand takes no value"),
            QStringLiteral("expand"));
    if (directives.expand)
        return directiveError(QCoreApplication::translate("uaip::MigrationDirectives",
                                                          "uaip:expand is given more than once"),
                              QStringLiteral("expand"));
    if (directives.contractOf)
        return bothHalves();
    directives.expand = true;
    return {};
}

// One directive into directives; the error for an unknown or malformed one.
Status applyDirective(const Directive &d, MigrationDirectives &directives)
{
    const QString name = d.writtenName.toLower();
    if (const std::optional<QString> reason = allowBlockingReason(d.body)) {
        if (reason->isEmpty())
            return directiveError(
                QCoreApplication::translate(
                    "uaip::MigrationDirectives",
                    "uaip:allow-blocking needs a reason, e.g. -- uaip:allow-blocking "
                    "the table holds a few rows in every deployment"),
                QStringLiteral("allow-blocking"));
        if (directives.allowBlocking)
            return directiveError(
                QCoreApplication::translate("uaip::MigrationDirectives",
                                            "uaip:allow-blocking is given more than once"),
                QStringLiteral("allow-blocking"));
        directives.allowBlocking = *reason;
        return {};
    }
    const Result<std::optional<MigrationDirectives::Batch>> batch = batchDirective(d.body);
    if (!batch)
        return batch.error();
    if (*batch) {
        if (directives.batch)
            return directiveError(QCoreApplication::translate("uaip::MigrationDirectives",
                                                              "uaip:batch is given more than once"),
                                  QStringLiteral("batch"));
        directives.batch = **batch;
        return {};
    }
    if (name == u"no-transaction") {
        if (d.hasValue || !d.trailing.isEmpty())
            return directiveError(QCoreApplication::translate("uaip::MigrationDirectives",
                                                              "uaip:no-transaction takes no value"),
                                  QStringLiteral("no-transaction"));
        directives.noTransaction = true;
        return {};
    }
    if (name == u"expand")
        return expandDirective(d, directives);
    if (name == u"contract-of")
        return contractOfDirective(d, directives);
    if (name == u"lock-timeout" || name == u"statement-timeout")
        return durationDirective(d, name,
                                 name == u"lock-timeout" ? directives.lockTimeoutMs
                                                         : directives.statementTimeoutMs);
    const QString written = d.writtenName.isEmpty() ? d.body : d.writtenName;
    return directiveError(QCoreApplication::translate(
                              "uaip::MigrationDirectives",
                              "unknown directive \"uaip:%1\"; the known directives are "
                              "uaip:no-transaction, uaip:lock-timeout=<duration>, "
                              "uaip:statement-timeout=<duration>, uaip:allow-blocking <reason>, "
                              "uaip:batch rows=<n> pause=<duration>, uaip:expand, "
                              "uaip:contract-of <version> and, above a statement, "
                              "uaip:allow <rule> <reason>")
                              .arg(written),
                          written);
}

} // namespace

Result<MigrationDirectives> MigrationDirectives::parse(const QByteArray &sql)
{
    return parse(sql, SqlSplitter::split(sql).statements);
}

Result<MigrationDirectives> MigrationDirectives::parse(const QByteArray &sql,
                                                       const QList<SqlStatement> &statements)
{
    MigrationDirectives directives;
    int lineNumber = 0;
    int batchLine = 0;
    // the error said on its line, with its facts
    auto fail = [&](const Error &why) -> Result<MigrationDirectives> {
        QVariantMap args = why.args();
        args.insert(QStringLiteral("line"), lineNumber);
        return Error(why.code(), tr("line %1: %2").arg(lineNumber).arg(why.text()), args);
    };

    // The header is everything before the first statement's first token (comment lines,
    // /* */ blocks, blank lines); after it, a "-- uaip:" line between statements is misplaced,
    // one inside a statement (a dollar-quoted body, a string) is the statement's own text.
    const qsizetype headerEnd = statements.isEmpty() ? sql.size() : statements.first().offset;
    qsizetype next = 0; // the first statement that does not end before the current line
    for (qsizetype at = 0; at < sql.size();) {
        qsizetype eol = at; // lines end at LF, CRLF or a lone CR
        while (eol < sql.size() && sql.at(eol) != '\n' && sql.at(eol) != '\r')
            ++eol;
        QByteArray line = sql.sliced(at, eol - at).trimmed();
        const qsizetype lineStart = at;
        at = eol + (eol + 1 < sql.size() && sql.at(eol) == '\r' && sql.at(eol + 1) == '\n' ? 2 : 1);
        ++lineNumber;
        if (lineStart == 0 && line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3).trimmed();
        const std::optional<QByteArray> comment = commentText(line);
        if (!comment || !isDirective(*comment))
            continue;
        const Directive d = splitDirective(*comment);
        while (next < statements.size()
               && statements[next].offset + statements[next].text.size() <= lineStart)
            ++next;
        if (lineStart >= headerEnd && next < statements.size()
            && statements[next].offset <= lineStart)
            continue; // inside a statement: its own text
        if (const auto allow = allowDirective(d)) {
            if (!*allow)
                return fail(allow->error());
            if (next >= statements.size())
                return fail(directiveError(tr("uaip:allow stands above no statement"),
                                           QStringLiteral("allow")));
            MigrationDirectives::Allowance allowance = **allow;
            allowance.line = lineNumber;
            allowance.statementOffset = statements[next].offset;
            directives.allowances << allowance;
            continue;
        }
        if (lineStart >= headerEnd) {
            return fail(directiveError(tr("directive \"%1\" comes after the first statement; "
                                          "uaip: directives must be in the comment lines at "
                                          "the top of the file")
                                           .arg(QString::fromUtf8(*comment)),
                                       d.writtenName));
        }

        const bool hadBatch = directives.batch.has_value();
        const bool hadContractOf = directives.contractOf.has_value();
        if (const Status applied = applyDirective(d, directives); !applied)
            return fail(applied.error());
        if (!hadBatch && directives.batch)
            batchLine = lineNumber;
        if (!hadContractOf && directives.contractOf)
            directives.contractOfLine = lineNumber;
    }
    if (directives.batch && !directives.noTransaction) {
        lineNumber = batchLine;
        return fail(
            directiveError(tr("uaip:batch needs uaip:no-transaction: each batch commits on its "
                              "own, so the migration cannot run in one transaction"),
                           QStringLiteral("batch")));
    }
    return directives;
}

} // namespace uaip
