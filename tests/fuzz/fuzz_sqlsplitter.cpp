// libFuzzer target for everything that reads a migration folder's name and SQL before any
// server sees it: MigrationVersion, MigrationDirectives, SqlSplitter, SqlSyntaxChecker and
// SqlLinter. Besides "does not crash" (ASan, UBSan) it checks their invariants.
//
//   fuzz_sqlsplitter -max_total_time=60 corpus/

#include "ledger/migrationversion.h"
#include "lint/lintfinding.h"
#include "lint/sqllinter.h"
#include "sqlparse/migrationdirectives.h"
#include "sqlparse/sqlsplitter.h"
#include "sqlparse/sqlsyntaxchecker.h"
#include "sqlparse/textposition.h"

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace uaip;

namespace {

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant failed at %s:%d: %s\n", __FILE__, __LINE__,            \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

bool isValid(TextPosition position)
{
    return position.line >= 1 && position.column >= 1;
}

bool sameAs(TextPosition a, TextPosition b)
{
    return a.line == b.line && a.column == b.column;
}

bool isSqlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void checkFolderName(const QByteArray &firstLine)
{
    const QString name = QString::fromUtf8(firstLine);
    const auto parsed = MigrationVersion::parseFolderName(name);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().text().isEmpty());
        FUZZ_CHECK(parsed.error().code() == ErrorCode::BadInput);
        FUZZ_CHECK(parsed.error().arg(QStringLiteral("name")).toString() == name);
    } else {
        const MigrationVersion &version = parsed->first;
        FUZZ_CHECK(!version.isNull());
        FUZZ_CHECK(!parsed->second.isEmpty());
        FUZZ_CHECK(version.text() + u'_' + parsed->second == name);
        const auto again = MigrationVersion::parse(version.text());
        FUZZ_CHECK(again && *again == version && (*again <=> version) == 0);
        FUZZ_CHECK(qHash(*again) == qHash(version));
    }

    // Any two versions order consistently: the first line against its own prefixes.
    const auto whole = MigrationVersion::parse(name);
    if (!whole || name.size() > 256)
        return;
    for (qsizetype cut = 1; cut < name.size(); ++cut) {
        const auto prefix = MigrationVersion::parse(QStringView(name).first(cut));
        if (!prefix)
            continue;
        const std::strong_ordering ab = *prefix <=> *whole;
        const std::strong_ordering ba = *whole <=> *prefix;
        FUZZ_CHECK((ab < 0) == (ba > 0) && (ab == 0) == (ba == 0));
        FUZZ_CHECK((ab == 0) == (*prefix == *whole));
        FUZZ_CHECK(ab <= 0); // a prefix of the digits is never larger
    }
}

void checkDirectives(const QByteArray &sql)
{
    const auto directives = MigrationDirectives::parse(sql);
    if (!directives) {
        FUZZ_CHECK(directives.error().code() == ErrorCode::BadInput);
        FUZZ_CHECK(directives.error().arg(QStringLiteral("line")).toInt() > 0);
        FUZZ_CHECK(directives.error().text().startsWith(u"line "));
    } else if (directives->lockTimeoutMs) {
        FUZZ_CHECK(*directives->lockTimeoutMs >= 0);
    }
}

void checkError(const QByteArray &sql, const SqlSyntaxError &error)
{
    FUZZ_CHECK(!error.message.isEmpty());
    FUZZ_CHECK(error.offset >= 0 && error.offset <= sql.size());
    FUZZ_CHECK(isValid(error.position));
    FUZZ_CHECK(sameAs(error.position, TextPosition::fromOffset(sql, error.offset)));
}

void checkSplit(const QByteArray &sql)
{
    const SqlSplitResult result = SqlSplitter::split(sql);
    const std::optional<SqlSyntaxError> checked = SqlSyntaxChecker::check(sql);
    FUZZ_CHECK(result.ok() == !checked.has_value());

    if (!result.ok()) {
        FUZZ_CHECK(result.statements.isEmpty());
        checkError(sql, *result.error);
        checkError(sql, *checked);
        FUZZ_CHECK(result.error->offset == checked->offset);
        const SqlSplitResult windowed = SqlSplitter::split(sql, 7);
        FUZZ_CHECK(!windowed.ok() && windowed.error->offset == result.error->offset);
        return;
    }
    // parsed a few bytes at a time (StatementSpans' windows cut everywhere), the same result
    const SqlSplitResult windowed = SqlSplitter::split(sql, 7);
    FUZZ_CHECK(windowed.ok() == result.ok());
    FUZZ_CHECK(windowed.statements.size() == result.statements.size());
    for (qsizetype i = 0; i < result.statements.size(); ++i)
        FUZZ_CHECK(windowed.statements[i].offset == result.statements[i].offset
                   && windowed.statements[i].text == result.statements[i].text);
    qsizetype previousEnd = 0;
    int previousOffset = -1;
    for (const SqlStatement &statement : result.statements) {
        FUZZ_CHECK(statement.offset > previousOffset);
        FUZZ_CHECK(statement.offset >= previousEnd);
        FUZZ_CHECK(!statement.text.isEmpty());
        FUZZ_CHECK(statement.offset + statement.text.size() <= sql.size());
        FUZZ_CHECK(sql.mid(statement.offset, statement.text.size()) == statement.text);
        FUZZ_CHECK(!isSqlSpace(statement.text.front()) && !isSqlSpace(statement.text.back()));
        FUZZ_CHECK(isValid(statement.start));
        FUZZ_CHECK(sameAs(statement.start, TextPosition::fromOffset(sql, statement.offset)));
        previousOffset = statement.offset;
        previousEnd = statement.offset + statement.text.size();
    }
}

void checkLint(const QByteArray &sql)
{
    const SqlSplitResult split = SqlSplitter::split(sql);
    const std::optional<SqlSyntaxError> &error = split.error;
    const QList<LintFinding> findings = SqlLinter::lint(sql, split);
    if (error) {
        FUZZ_CHECK(findings.isEmpty());
        checkError(sql, *error);
        return;
    }
    int previousOffset = 0;
    for (const LintFinding &finding : findings) {
        FUZZ_CHECK(finding.offset >= 0 && finding.offset <= sql.size());
        FUZZ_CHECK(finding.offset >= previousOffset); // file order, DO blocks included
        FUZZ_CHECK(isValid(finding.position));
        FUZZ_CHECK(sameAs(finding.position, TextPosition::fromOffset(sql, finding.offset)));
        FUZZ_CHECK(!finding.message.isEmpty());
        FUZZ_CHECK(LintFinding::kindName(finding.kind) != u"unknown");
        previousOffset = finding.offset;
    }
}

void checkPositions(const QByteArray &sql)
{
    const TextPosition end = TextPosition::fromOffset(sql, static_cast<int>(sql.size()));
    FUZZ_CHECK(isValid(end));
    // lines end at LF or a lone CR (CRLF counts once)
    qsizetype lines = 1;
    for (qsizetype i = 0; i < sql.size(); ++i)
        if (sql.at(i) == '\n'
            || (sql.at(i) == '\r' && (i + 1 == sql.size() || sql.at(i + 1) != '\n')))
            ++lines;
    FUZZ_CHECK(end.line == lines);
    TextPosition previous{1, 1};
    const int step = std::max(7, static_cast<int>(sql.size() / 32));
    for (int offset = 0; offset <= sql.size(); offset += step) {
        const TextPosition position = TextPosition::fromOffset(sql, offset);
        FUZZ_CHECK(isValid(position));
        FUZZ_CHECK(position.line > previous.line
                   || (position.line == previous.line && position.column >= previous.column));
        FUZZ_CHECK(sameAs(position,
                          TextPosition::fromOffset(sql, offset, offset / 2,
                                                   TextPosition::fromOffset(sql, offset / 2))));
        previous = position;
    }
}

} // namespace

// libpg_query 15-4.0.0 leaks the strdup-ed stderr buffer of pg_query_raw_parse (a byte or so)
// when pg_query_parse_plpgsql returns an error for a DO block whose PL/pgSQL does not compile
// (the early return inside its loop skips free(parse_result.stderr_buffer)). Not ours to fix.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:pg_query_raw_parse\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return -1; // keep runs fast; the parser is linear anyway
    const QByteArray sql(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype newline = sql.indexOf('\n');
    checkFolderName(newline < 0 ? sql : sql.first(newline));
    checkDirectives(sql);
    checkPositions(sql);
    checkSplit(sql);
    checkLint(sql);
    return 0;
}
