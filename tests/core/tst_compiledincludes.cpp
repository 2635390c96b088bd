// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// The module graph checked on what the compiler read, not on what the source text says: Ninja
// keeps each object's headers as the compiler reported them (-MD; `ninja -t deps`). Every
// header of a core module's object must lie in that module or in one it reaches through its
// USES arrows (app/core/CMakeLists.txt, written to <build>/uaip_module_graph.txt); no header may
// lie directly in app/core or in a folder that is no module; no core object may read QtWidgets.
// The text check of every build (cmake/check_module_boundaries.cmake) names the include line
// and holds the direct arrows; this one cannot be talked around by how a file spells an
// include (a macro, "../", a NUL byte that makes a file look binary, a raw string it misreads).
#include <QtTest>

namespace {

struct Graph
{
    QHash<QString, QStringList> uses; // module -> the modules it names (direct arrows)
};

struct Findings
{
    QStringList problems;
    QSet<QString> modulesSeen; // modules with at least one object in the record
    QSet<QString> modulesJudged; // modules with at least one header of app/core judged
};

// The path with its symbolic links resolved (a folder linked into a module is read as what it
// is); the path itself where it is not there (the planted record's).
QString resolved(QStringView path, QHash<QString, QString> &cache)
{
    const QString key = path.toString();
    const auto it = cache.constFind(key);
    if (it != cache.cend())
        return *it;
    const QString canonical = QFileInfo(key).canonicalFilePath();
    return *cache.insert(key, canonical.isEmpty() ? key : canonical);
}

// "<module>: <uses...>" lines of uaip_module_graph.txt.
Graph readGraph(const QString &text)
{
    Graph graph;
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        graph.uses.insert(line.left(colon).trimmed(),
                          line.mid(colon + 1).split(u' ', Qt::SkipEmptyParts));
    }
    return graph;
}

// The modules a module reaches: itself and everything along its arrows.
QSet<QString> reach(const Graph &graph, const QString &module)
{
    QSet<QString> seen{module};
    QStringList todo{module};
    while (!todo.isEmpty()) {
        for (const QString &next : graph.uses.value(todo.takeLast())) {
            if (!seen.contains(next)) {
                seen.insert(next);
                todo << next;
            }
        }
    }
    return seen;
}

// The core module an object belongs to, from its target's folder (uaip_<module>.dir), or "".
QString objectModule(QStringView object, const Graph &graph)
{
    static const QLatin1StringView kPrefix("CMakeFiles/uaip_");
    if (!object.startsWith(u"app/core/"))
        return {};
    const qsizetype at = object.indexOf(kPrefix);
    if (at < 0)
        return {};
    const qsizetype start = at + kPrefix.size();
    const qsizetype end = object.indexOf(u".dir/", start);
    if (end < 0)
        return {};
    const QString module = object.mid(start, end - start).toString();
    return graph.uses.contains(module) ? module : QString();
}

// One object's header: a finding, or "" when the module may read it.
QString judge(const QString &module, const QSet<QString> &allowed, QStringView header,
              const QString &coreDir, const Graph &graph)
{
    if (header.contains(u"/QtWidgets/"))
        return QStringLiteral("the core reads QtWidgets (%1)").arg(header);
    if (!header.startsWith(coreDir))
        return {};
    const QStringView rest = header.mid(coreDir.size());
    const qsizetype slash = rest.indexOf(u'/');
    if (slash < 0)
        return QStringLiteral("%1 lies in app/core itself, in no module").arg(header);
    const QString owner = rest.left(slash).toString();
    if (!graph.uses.contains(owner))
        return QStringLiteral("%1 lies in app/core/%2, a folder that is no module")
            .arg(header, owner);
    if (!allowed.contains(owner))
        return QStringLiteral("%1 of module %2, which %3 does not reach")
            .arg(header, owner, module);
    return {};
}

// The record of `ninja -t deps`: "<object>: #deps N, ..." then one indented header per line.
Findings check(const QString &deps, const QString &sourceDir, const Graph &graph)
{
    Findings findings;
    const QString coreDir = sourceDir + QStringLiteral("/app/core/");
    QHash<QString, QSet<QString>> reaches;
    QHash<QString, QString> paths;
    QString module;
    QString object;
    for (const QString &line : deps.split(u'\n')) {
        if (line.isEmpty())
            continue;
        if (!line.startsWith(u' ')) {
            object = line.left(line.indexOf(QLatin1String(": #deps")));
            module = objectModule(object, graph);
            if (!module.isEmpty()) {
                findings.modulesSeen.insert(module);
                if (!reaches.contains(module))
                    reaches.insert(module, reach(graph, module));
            }
            continue;
        }
        if (module.isEmpty())
            continue;
        const QString header = resolved(QStringView(line).trimmed(), paths);
        if (header.startsWith(coreDir))
            findings.modulesJudged.insert(module);
        const QString problem = judge(module, reaches.value(module), header, coreDir, graph);
        if (!problem.isEmpty())
            findings.problems << object + QStringLiteral(": ") + problem;
    }
    return findings;
}

// A variable the test's CTest entry sets (tests/CMakeLists.txt).
QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestCompiledIncludes : public QObject
{
    Q_OBJECT

private slots:
    // The reader on a planted record: each kind of violation named, the allowed ones not.
    void plantedViolationsAreNamed()
    {
        const Graph graph = readGraph(QStringLiteral("db: error\nerror: \nlow: db\nhigh: low\n"));
        const QString deps = QStringLiteral(
            "app/core/CMakeFiles/uaip_low.dir/low/a.cpp.o: #deps 9, deps mtime 1 (VALID)\n"
            "    /src/app/core/low/a.cpp\n"
            "    /src/app/core/low/a.h\n"
            "    /src/app/core/db/pgconnection.h\n"
            "    /src/app/core/error/error.h\n"
            "    /usr/include/x86_64-linux-gnu/qt6/QtCore/qstring.h\n"
            "    /src/app/core/high/hidden.h\n"
            "    /src/app/core/stray.h\n"
            "    /src/app/core/nomodule/x.h\n"
            "    /usr/include/x86_64-linux-gnu/qt6/QtWidgets/qwidget.h\n"
            "app/core/CMakeFiles/uaip_high.dir/Unity/unity_0_cxx.cxx.o: #deps 3, deps mtime 1 "
            "(VALID)\n"
            "    /src/build/app/core/CMakeFiles/uaip_high.dir/Unity/unity_0_cxx.cxx\n"
            "    /src/app/core/low/a.h\n"
            "    /src/app/core/error/error.h\n"
            "ui/CMakeFiles/uaip_ui.dir/x.cpp.o: #deps 2, deps mtime 1 (VALID)\n"
            "    /src/app/core/high/hidden.h\n"
            "    /usr/include/x86_64-linux-gnu/qt6/QtWidgets/qwidget.h\n");
        const Findings found = check(deps, QStringLiteral("/src"), graph);
        const QStringList expected{
            QStringLiteral("app/core/CMakeFiles/uaip_low.dir/low/a.cpp.o: "
                           "/src/app/core/high/hidden.h of module high, which low does not reach"),
            QStringLiteral("app/core/CMakeFiles/uaip_low.dir/low/a.cpp.o: "
                           "/src/app/core/stray.h lies in app/core itself, in no module"),
            QStringLiteral("app/core/CMakeFiles/uaip_low.dir/low/a.cpp.o: "
                           "/src/app/core/nomodule/x.h lies in app/core/nomodule, a folder that "
                           "is no module"),
            QStringLiteral("app/core/CMakeFiles/uaip_low.dir/low/a.cpp.o: the core reads "
                           "QtWidgets (/usr/include/x86_64-linux-gnu/qt6/QtWidgets/qwidget.h)")};
        QCOMPARE(found.problems, expected);
        QCOMPARE(found.modulesSeen, (QSet<QString>{QStringLiteral("low"), QStringLiteral("high")}));
        QCOMPARE(found.modulesJudged, found.modulesSeen);
    }

    // A folder linked into a module (app/core/lint/mig -> ../migrate) is judged as what it is.
    void aLinkedFolderIsReadAsItsTarget()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = QFileInfo(dir.path()).canonicalFilePath();
        QVERIFY(QDir(root).mkpath(QStringLiteral("app/core/migrate")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("app/core/lint")));
        QFile header(root + QStringLiteral("/app/core/migrate/y.h"));
        QVERIFY(header.open(QIODevice::WriteOnly));
        header.close();
        QVERIFY(
            QFile::link(QStringLiteral("../migrate"), root + QStringLiteral("/app/core/lint/mig")));
        const Graph graph = readGraph(QStringLiteral("lint: \nmigrate: lint\n"));
        const QString deps
            = QStringLiteral("app/core/CMakeFiles/uaip_lint.dir/lint/a.cpp.o: #deps "
                             "1, deps mtime 1 (VALID)\n    %1/app/core/lint/mig/y.h\n")
                  .arg(root);
        const Findings found = check(deps, root, graph);
        QCOMPARE(found.problems.size(), 1);
        QVERIFY2(
            found.problems.first().contains(QStringLiteral("of module migrate, which lint does "
                                                           "not reach")),
            qPrintable(found.problems.first()));
    }

    // The build this test belongs to: every module has objects in the record, none reads
    // beyond its arrows.
    void thisBuildKeepsTheGraph()
    {
        QVERIFY2(!env("UAIP_NINJA").isEmpty(),
                 "UAIP_NINJA is not set: the check reads Ninja's record (a Ninja build)");
        const QString graphText
            = readFile(env("UAIP_BUILD_DIR") + QStringLiteral("/uaip_module_graph.txt"));
        QVERIFY2(!graphText.isEmpty(), "the build wrote no uaip_module_graph.txt");
        const Graph graph = readGraph(graphText);
        QProcess ninja;
        ninja.start(env("UAIP_NINJA"),
                    {QStringLiteral("-C"), env("UAIP_BUILD_DIR"), QStringLiteral("-t"),
                     QStringLiteral("deps")});
        QVERIFY2(ninja.waitForFinished(120000), qPrintable(ninja.errorString()));
        QCOMPARE(ninja.exitCode(), 0);
        // a header's path as ninja records it is relative to the build folder where the compiler
        // was given relative paths (ccache's base_dir): read from there
        QVERIFY(QDir::setCurrent(env("UAIP_BUILD_DIR")));
        const Findings found = check(QString::fromUtf8(ninja.readAllStandardOutput()),
                                     QFileInfo(env("UAIP_SOURCE_DIR")).canonicalFilePath(), graph);
        QVERIFY2(found.problems.isEmpty(), qPrintable(found.problems.join(u'\n')));
        // every module judged: its objects in the record, their headers found under
        // UAIP_SOURCE_DIR (a check that judged nothing would pass)
        for (auto it = graph.uses.cbegin(); it != graph.uses.cend(); ++it) {
            QVERIFY2(found.modulesSeen.contains(it.key()),
                     qPrintable(QStringLiteral("no object of module %1 in Ninja's record "
                                               "(is the build complete?)")
                                    .arg(it.key())));
            QVERIFY2(found.modulesJudged.contains(it.key()),
                     qPrintable(QStringLiteral("no header of module %1's objects lies under "
                                               "%2/app/core")
                                    .arg(it.key(), env("UAIP_SOURCE_DIR"))));
        }
    }
};

QTEST_GUILESS_MAIN(TestCompiledIncludes)
#include "tst_compiledincludes.moc"
