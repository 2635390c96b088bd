// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// Every SQL resource of the engine (app/core/**/*.sql, embedded under :/sql): no placeholder the
// code substitutes (%1, %NAME%, {{name}}) stands in a comment. A comment is where a substituted
// name with a line break ends the comment and runs as SQL (the cascade count's injection,
// issue 41): the comments are found by libpg_query's own scanner, not by a pattern. And no plain
// string literal ('...', not E'...') holds a backslash: a role or database with
// standard_conforming_strings off reads one as an escape ('\d' as 'd': the ledger's version
// match, the read-only guard's operator walk), so every such literal is written E'...'.
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Comment
{
    int start = 0;
    QByteArray text;
};

// The tokens of sql that are comments (SQL "--" and C-style) or, with literals, plain string
// literals holding a backslash, as the server's scanner splits the text.
QList<Comment> commentsOf(const QByteArray &sql, QString *error, bool literals = false)
{
    QList<Comment> out;
    PgQueryScanResult scan = pg_query_scan(sql.constData());
    if (scan.error) {
        *error = QString::fromUtf8(scan.error->message);
        pg_query_free_scan_result(scan);
        return out;
    }
    PgQuery__ScanResult *tokens = pg_query__scan_result__unpack(
        nullptr, scan.pbuf.len, reinterpret_cast<uint8_t *>(scan.pbuf.data));
    for (size_t i = 0; tokens && i < tokens->n_tokens; ++i) {
        const PgQuery__ScanToken *t = tokens->tokens[i];
        const QByteArray text = sql.mid(t->start, t->end - t->start);
        const bool comment
            = t->token == PG_QUERY__TOKEN__SQL_COMMENT || t->token == PG_QUERY__TOKEN__C_COMMENT;
        const bool plainWithBackslash
            = t->token == PG_QUERY__TOKEN__SCONST && text.startsWith('\'') && text.contains('\\');
        if (literals ? plainWithBackslash : comment)
            out.append({t->start, text});
    }
    if (tokens)
        pg_query__scan_result__free_unpacked(tokens, nullptr);
    pg_query_free_scan_result(scan);
    return out;
}

// What the code substitutes into SQL resources: QString::arg's %1, the %NAME% markers of the
// metrics and cascade statements, and {{name}} (the foreign ledgers' table).
const QRegularExpression &placeholder()
{
    static const QRegularExpression re(
        QStringLiteral(R"(%[0-9]|%[A-Z][A-Z0-9_]*%|\{\{\s*\w+\s*\}\})"));
    return re;
}

// Every SQL resource of the engine: its path under :/sql and its text.
QList<std::pair<QString, QByteArray>> resources()
{
    QList<std::pair<QString, QByteArray>> out;
    for (QDirIterator it(QStringLiteral(":/sql"), QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        if (!path.endsWith(u".sql"))
            continue;
        QFile f(path);
        out.append({path.mid(6), f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray()});
    }
    return out;
}

} // namespace

class TestSqlResourceComments : public QObject
{
    Q_OBJECT

private slots:
    void scannerFindsPlaceholdersInComments()
    {
        // the check itself: a placeholder in a comment is found, one in a string literal or
        // after FROM is not a comment's
        QString error;
        const QList<Comment> c = commentsOf("-- rows of %TABLE%\nSELECT '%1 -- x' FROM %TABLE% "
                                            "/* {{table}} */ WHERE a = $1",
                                            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(c.size(), 2);
        QVERIFY(placeholder().match(QString::fromUtf8(c[0].text)).hasMatch());
        QVERIFY(placeholder().match(QString::fromUtf8(c[1].text)).hasMatch());
        QCOMPARE(commentsOf("SELECT '-- %1' FROM t", &error).size(), 0);
    }

    void noPlaceholderInAComment()
    {
        const QList<std::pair<QString, QByteArray>> all = resources();
        QStringList found;
        for (const auto &[path, sql] : all) {
            QString error;
            const QList<Comment> comments = commentsOf(sql, &error);
            QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
            for (const Comment &c : comments) {
                const auto m = placeholder().match(QString::fromUtf8(c.text));
                if (m.hasMatch())
                    found << QStringLiteral("%1:%2: %3 in a comment")
                                 .arg(path)
                                 .arg(sql.left(c.start).count('\n') + 1)
                                 .arg(m.captured(0));
            }
        }
        // the engine's resources are all there (db/'s and the core's): not an empty folder
        QVERIFY2(all.size() > 150, qPrintable(QString::number(all.size())));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void noBackslashInAPlainString()
    {
        QString error;
        // the check itself
        QCOMPARE(commentsOf("SELECT 'a\\d', E'a\\d', 'a''b' -- 'c\\d'", &error, true).size(), 1);
        QStringList found;
        for (const auto &[path, sql] : resources()) {
            for (const Comment &c : commentsOf(sql, &error, true))
                found << QStringLiteral("%1:%2: %3 (write it E'...')")
                             .arg(path)
                             .arg(sql.left(c.start).count('\n') + 1)
                             .arg(QString::fromUtf8(c.text));
            QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestSqlResourceComments)
#include "tst_sqlresourcecomments.moc"
