// Issue 13: no user-visible literal bypasses tr(). Scans ui/ and app/gui/ for string literals
// with letters and a space passed straight (or through QStringLiteral/QLatin1String/u"") to the
// calls that show text: setText, setToolTip, setWindowTitle, setPlaceholderText, setStatusTip,
// showMessage, QMessageBox, addAction, setHeaderLabels and the QLabel, QPushButton, QGroupBox,
// QCheckBox, QAction constructors. A literal inside another call (tr(), QIcon::fromTheme(),
// ...) is that call's business. Reports file:line.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

// The text with comments blanked (newlines kept, so offsets keep their lines); string and
// character literals untouched.
QString withoutComments(const QString &text)
{
    QString out = text;
    const qsizetype n = out.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = out[i];
        if (c == u'"' || c == u'\'') {
            for (++i; i < n && out[i] != c; ++i)
                if (out[i] == u'\\')
                    ++i;
        } else if (c == u'/' && i + 1 < n && out[i + 1] == u'/') {
            for (; i < n && out[i] != u'\n'; ++i)
                out[i] = u' ';
        } else if (c == u'/' && i + 1 < n && out[i + 1] == u'*') {
            for (; i + 1 < n && !(out[i] == u'*' && out[i + 1] == u'/'); ++i)
                if (out[i] != u'\n')
                    out[i] = u' ';
            if (i + 1 < n)
                out[i] = out[i + 1] = u' ';
        }
    }
    return out;
}

// Reads the string literal starting at text[i] (the opening quote, or R"delim( for a raw one);
// returns its contents and moves i past it.
QString readLiteral(const QString &text, qsizetype &i)
{
    const qsizetype n = text.size();
    if (i > 0 && text[i - 1] == u'R') {
        const qsizetype open = text.indexOf(u'(', i);
        const QString close = u')' + text.mid(i + 1, open - i - 1) + u'"';
        const qsizetype end = text.indexOf(close, open);
        const QString body = text.mid(open + 1, end - open - 1);
        i = end < 0 ? n : end + close.size();
        return body;
    }
    QString body;
    for (++i; i < n && text[i] != u'"'; ++i) {
        if (text[i] == u'\\' && i + 1 < n)
            ++i;
        body += text[i];
    }
    ++i;
    return body;
}

// Calls whose literal arguments are the text itself.
const QStringList &wrappers()
{
    static const QStringList names{
        QStringLiteral("QStringLiteral"),    QStringLiteral("QLatin1String"),
        QStringLiteral("QLatin1StringView"), QStringLiteral("QString"),
        QStringLiteral("QString::fromUtf8"), QStringLiteral("QString::fromLatin1"),
        QStringLiteral("QStringView")};
    return names;
}

bool userVisible(const QString &literal)
{
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]{2}"));
    return literal.contains(u' ') && letters.match(literal).hasMatch();
}

struct Finding
{
    qsizetype offset;
    QString literal;
};

// The literals with letters and a space directly in the argument list that starts at text[i]
// (just after the opening parenthesis).
QList<Finding> scanArguments(const QString &text, qsizetype i)
{
    QList<Finding> found;
    const qsizetype n = text.size();
    int depth = 0; // parentheses of wrappers and grouping
    int opaque = 0; // parentheses of other calls: their literals are theirs
    QList<bool> stack; // per open parenthesis: opaque?
    QString identifier;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'"') {
            const qsizetype at = i;
            const QString literal = readLiteral(text, i);
            if (opaque == 0 && userVisible(literal))
                found.append({at, literal});
            identifier.clear();
            continue;
        }
        if (c == u'\'') {
            for (++i; i < n && text[i] != u'\''; ++i)
                if (text[i] == u'\\')
                    ++i;
            ++i;
            continue;
        }
        if (c.isLetterOrNumber() || c == u'_' || c == u':') {
            identifier += c;
            ++i;
            continue;
        }
        if (c == u'(') {
            const QString name = identifier.section(u'.', -1);
            const bool isOpaque = !identifier.isEmpty() && !wrappers().contains(name)
                && name != QLatin1String("u") && name != QLatin1String("u8");
            stack.append(isOpaque);
            if (isOpaque)
                ++opaque;
            ++depth;
        } else if (c == u')') {
            if (depth == 0)
                break;
            if (stack.takeLast())
                --opaque;
            --depth;
        } else if (c == u';' && depth == 0) {
            break;
        }
        if (!c.isSpace())
            identifier.clear();
        ++i;
    }
    return found;
}

} // namespace

class TestSourceScan : public QObject
{
    Q_OBJECT

private slots:
    // The scanner itself: what it must report and what it must leave alone.
    void scannerFindsBypasses()
    {
        const auto count = [](const QString &code) {
            const QString text = withoutComments(code);
            return scanArguments(text, text.indexOf(u'(') + 1).size();
        };
        QCOMPARE(count(QStringLiteral(R"x(setText("Hello world");)x")), 1);
        QCOMPARE(count(QStringLiteral(R"x(setText(QStringLiteral("Hello world"));)x")), 1);
        QCOMPARE(count(QStringLiteral(R"x(setText(ok ? u"All done"_s : tr("No"));)x")), 1);
        QCOMPARE(count(QStringLiteral(R"x(setText(a + QStringLiteral(" rows left"));)x")), 1);
        QCOMPARE(count(QStringLiteral(R"x(setText(tr("Hello world"));)x")), 0);
        QCOMPARE(count(QStringLiteral(R"x(setText(QStringLiteral("%1 (%2)").arg(a, b));)x")), 0);
        QCOMPARE(count(QStringLiteral(R"x(addAction(QIcon::fromTheme("a b"), tr("x"));)x")), 0);
        QCOMPARE(count(QStringLiteral("setText(x); // \"not code here\"")), 0);
        QCOMPARE(count(QStringLiteral(R"x(setText(QStringLiteral("oneword"));)x")), 0);
    }

    void noLiteralBypassesTr()
    {
        const QDir root(qEnvironmentVariable("UAIP_SOURCE_DIR"));
        QVERIFY(root.exists(QStringLiteral("ui")));
        static const QRegularExpression call(QStringLiteral(
            R"(\b(?:setText|setToolTip|setWindowTitle|setPlaceholderText|setStatusTip|)"
            R"(showMessage|addAction|setHeaderLabels|QMessageBox::\w+|)"
            R"((?:QLabel|QPushButton|QGroupBox|QCheckBox|QAction|QMessageBox)(?:\s+\w+)?)\s*[({])"));
        QStringList problems;
        int files = 0;
        for (const QString &folder : {QStringLiteral("ui"), QStringLiteral("app/gui")}) {
            QDirIterator it(root.filePath(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                ++files;
                const QString text = withoutComments(QString::fromUtf8(file.readAll()));
                for (auto m = call.globalMatch(text); m.hasNext();) {
                    const QRegularExpressionMatch match = m.next();
                    for (const Finding &f : scanArguments(text, match.capturedEnd())) {
                        const int line = int(text.left(f.offset).count(u'\n')) + 1;
                        problems << QStringLiteral("%1:%2: \"%3\" not through tr()")
                                        .arg(root.relativeFilePath(path), QString::number(line),
                                             f.literal);
                    }
                }
            }
        }
        QVERIFY(files > 20);
        for (const QString &p : std::as_const(problems))
            qWarning("%s", qPrintable(p));
        QVERIFY2(
            problems.isEmpty(),
            qPrintable(
                QStringLiteral("%1 literal(s) bypass tr(), listed above").arg(problems.size())));
    }
};

QTEST_GUILESS_MAIN(TestSourceScan)
#include "tst_sourcescan.moc"
