#include "planchecker.h"

#include "util/parallelfor.h"

#include "ledger/checksum.h"
#include "lint/scriptchecker.h"
#include "lint/scriptstatementrules.h"

#include <QFile>

#include <algorithm>
#include <vector>

namespace uaip {

namespace {

struct Script
{
    const Migration *migration;
    bool up;
};

// Whether the open file still holds loaded, read a piece at a time: no second copy of a big
// file in memory.
bool sameContent(QFile &file, const QByteArray &loaded)
{
    if (file.size() != loaded.size() && !file.isSequential())
        return false;
    // a megabyte at most; for a small file its size and one byte more (the end is seen in
    // the same read): no megabyte allocated and freed for each of hundreds of small files
    const qsizetype piece = std::min(qsizetype(1) << 20, loaded.size() + 1);
    QByteArray buffer(piece, Qt::Uninitialized);
    qsizetype at = 0;
    for (;;) {
        const qint64 n = file.read(buffer.data(), piece);
        if (n < 0)
            return false;
        if (n == 0)
            return at == loaded.size();
        if (at + n > loaded.size()
            || QByteArrayView(buffer.constData(), n) != QByteArrayView(loaded).sliced(at, n))
            return false;
        at += n;
    }
}

QList<ValidationProblem> checkScript(const Script &s)
{
    const Migration &m = *s.migration;
    const QString path = s.up ? m.upPath() : m.downPath();
    const QByteArray &loaded = s.up ? m.upSql : m.downSql;
    if (const QList<ValidationProblem> &bad = s.up ? m.upProblems : m.downProblems; !bad.isEmpty())
        return bad;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {
            ValidationProblem{QStringLiteral("source"), path, 0, 0,
                              QCoreApplication::translate("uaip::PlanChecker", "cannot be read: %1")
                                  .arg(f.errorString())}};
    if (!sameContent(f, loaded)) {
        f.seek(0);
        const QByteArray now = f.readAll();
        return {ValidationProblem{
            QStringLiteral("source"), path, 0, 0,
            QCoreApplication::translate(
                "uaip::PlanChecker",
                "changed on disk since it was read (checksum %1, now %2); start again")
                .arg((s.up ? m.upChecksum : m.downChecksum).left(12), Checksum::of(now).left(12))}};
    }
    const SqlSplitResult &split = s.up ? m.upSplit : m.downSplit;
    if (!s.up && split.ok() && split.statements.isEmpty())
        return {ValidationProblem{
            QStringLiteral("source"), path, 0, 0,
            QCoreApplication::translate(
                "uaip::PlanChecker",
                "has no statement (only comments or nothing): a rollback would change nothing "
                "while the ledger forgot the migration; write the rollback, or delete down.sql "
                "to mark the migration irreversible")}};
    return ScriptChecker::check(path, split, s.up ? m.upDirectives : m.downDirectives);
}

QList<ValidationProblem> checkScripts(const QList<Script> &scripts)
{
    const int n = int(scripts.size());
    std::vector<QList<ValidationProblem>> found(static_cast<std::size_t>(n));
    ParallelFor::run(n, 8, [&](int i) { found[std::size_t(i)] = checkScript(scripts[i]); });
    QList<ValidationProblem> out;
    for (const auto &problems : found)
        out += problems;
    return out;
}

} // namespace

QList<ValidationProblem> PlanChecker::check(const QList<MigrationStatus> &plan, bool up,
                                            bool oneTransaction)
{
    QList<Script> scripts;
    QList<ValidationProblem> unreadableDown;
    for (const MigrationStatus &s : plan) {
        if (s.migration && (up || s.migration->hasDown))
            scripts << Script{&*s.migration, up};
        // applying a migration whose way back cannot even be read: refused too
        if (s.migration && up)
            unreadableDown += s.migration->downProblems;
    }
    QList<ValidationProblem> problems = checkScripts(scripts) + unreadableDown;
    if (oneTransaction) {
        QList<std::pair<QString, const QList<SqlStatement> *>> together;
        for (const Script &s : std::as_const(scripts)) {
            const Migration &m = *s.migration;
            const QString path = s.up ? m.upPath() : m.downPath();
            if ((s.up ? m.upDirectives : m.downDirectives).noTransaction)
                problems << ValidationProblem{
                    QStringLiteral("plan"), path, 0, 0,
                    QCoreApplication::translate(
                        "uaip::PlanChecker",
                        "runs without a transaction (-- uaip:no-transaction), so it cannot be "
                        "part of a run in one transaction (--single-transaction; in the GUI "
                        "Migrations > Run in One Transaction): run the migrations up to it "
                        "without that, then the rest in one")};
            together.append({path, &(s.up ? m.upSplit : m.downSplit).statements});
        }
        problems += ScriptStatementRules::checkTogether(together);
    }
    return problems;
}

QList<ValidationProblem> PlanChecker::checkAll(const QList<Migration> &migrations)
{
    QList<Script> scripts;
    for (const Migration &m : migrations) {
        scripts << Script{&m, true};
        if (m.hasDown)
            scripts << Script{&m, false};
    }
    return checkScripts(scripts);
}

} // namespace uaip
