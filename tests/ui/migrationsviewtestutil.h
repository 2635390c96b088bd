#pragma once

// Shared by the Migrations view's widget tests (tst_migrationsview*.cpp): a scripted user for
// the view's questions, migrations written to a folder, and a fixture that opens a view on a
// test database, runs its actions and cancels them through the progress dialog.
#include "db/connectionprofile.h"
#include "db/sessionspec.h"
#include "jobs/jobmanager.h"
#include "jobs/jobprogressdialog.h"
#include "migrations/confirmer.h"
#include "migrations/migrationactions.h"
#include "migrations/migrationsview.h"
#include "testdatabase.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace uaip::test {

// Answers the view's questions like a scripted user, and remembers what it was asked.
class ScriptedConfirmer : public Confirmer
{
public:
    bool rollbackAnswer = true;
    bool lockAnswer = false;
    std::optional<RollbackImpact> impact;
    std::optional<LockHolder> holder;

    std::function<void()> whileAsked; // what happens while the question is open
    int dismissed = 0;
    bool confirmRollback(QWidget *, const QString &, const RollbackImpact &i,
                         const ConnectionProfile &, const QString &) override
    {
        impact = i;
        if (whileAsked)
            whileAsked();
        return rollbackAnswer;
    }
    void dismiss() override { ++dismissed; }
    bool waitForLock(QWidget *, const LockHolder &h, int) override
    {
        holder = h;
        return lockAnswer;
    }
    int textsShown = 0;
    QString shownText; // the last read-only text shown (dry run, reports)
    void showText(QWidget *, const QString &, const QString &text, bool) override
    {
        ++textsShown;
        shownText = text;
    }
    QString migrationName; // what the scripted user names a migration generated from drift
    int nameAsked = 0;
    QString askMigrationName(QWidget *) override
    {
        ++nameAsked;
        return migrationName;
    }
    GeneratedChoice generatedChoice = GeneratedChoice::Discard;
    std::optional<DriftMigration> reviewed; // the generated migration shown for review
    QString reviewedFolder;
    bool recordOffered = false;
    GeneratedChoice reviewGenerated(QWidget *, const DriftMigration &m, const QString &folder,
                                    const QString &, bool canRecord) override
    {
        reviewed = m;
        reviewedFolder = folder;
        recordOffered = canRecord;
        return generatedChoice;
    }
    bool writeIndexMigration = false; // the answer to an index migration's review
    std::optional<IndexMigration> indexReviewed; // the index migration shown for review
    QString indexFolder;
    bool reviewIndexMigration(QWidget *, const IndexMigration &m, const QString &folder) override
    {
        indexReviewed = m;
        indexFolder = folder;
        return writeIndexMigration;
    }
    std::optional<OnlineChangeRequest> onlineRequest; // New Online Change...'s answer
    bool writeOnline = false; // the answer to an online change's review
    std::optional<OnlineChangePair> onlineReviewed; // the pair shown for review
    std::optional<OnlineChangeRequest> askOnlineChange(QWidget *) override { return onlineRequest; }
    bool reviewOnlineChange(QWidget *, const OnlineChangePair &pair, const QString &) override
    {
        onlineReviewed = pair;
        return writeOnline;
    }
    QString chosenDir; // what the scripted user picks in Open migrations folder
    QString chooseMigrationsDir(QWidget *, const QString &) override { return chosenDir; }
    bool applyAnswer = true; // the answer to the Apply confirmation (when nothing is refused)
    int applyAsked = 0;
    std::optional<PlanForecast> forecast; // what the Apply confirmation showed
    QList<ValidationProblem> refused;
    bool confirmApply(QWidget *, const PlanForecast &f, const QList<ValidationProblem> &r) override
    {
        ++applyAsked;
        forecast = f;
        refused = r;
        return applyAnswer && r.isEmpty();
    }
    QString backupFile; // what the scripted user picks for "Back up first"
    int backupAsked = 0;
    QString chooseBackupFile(QWidget *, const QString &) override
    {
        ++backupAsked;
        return backupFile;
    }
};

// One migration: VERSION_name, up, down.
using TestMigration = std::array<QByteArray, 3>;

// One migrations folder: VERSION_name -> {up, down}
inline bool writeMigrations(const QString &root, const QList<TestMigration> &migrations)
{
    for (const auto &[name, up, down] : migrations) {
        const QString dir = root + u'/' + QString::fromLatin1(name);
        if (!QDir().mkpath(dir))
            return false;
        QFile u(dir + QStringLiteral("/up.sql"));
        QFile d(dir + QStringLiteral("/down.sql"));
        if (!u.open(QIODevice::WriteOnly) || !d.open(QIODevice::WriteOnly))
            return false;
        u.write(up);
        d.write(down);
    }
    return true;
}

inline const TestMigration kFirst = {"0001_accounts",
                                     "CREATE TABLE accounts (id int PRIMARY KEY, name text);\n"
                                     "INSERT INTO accounts VALUES (1, 'a'), (2, 'b'), (3, 'c');\n",
                                     "DROP TABLE accounts;\n"};
inline const TestMigration kSecond = {
    "0002_orders",
    "CREATE TYPE order_state AS ENUM ('open', 'closed');\n"
    "CREATE TABLE orders (id int PRIMARY KEY, state order_state);\n"
    "INSERT INTO orders VALUES (1, 'open'), (2, 'closed');\n"
    "ALTER TABLE accounts ADD COLUMN note text;\n"
    "CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders';\n",
    "DROP FUNCTION order_count();\nALTER TABLE accounts DROP COLUMN note;\n"
    "DROP TABLE orders;\nDROP TYPE order_state;\n"};
inline const TestMigration kThird
    = {"0003_items", "CREATE TABLE items (id int);\n", "DROP TABLE items;\n"};
// A migration whose up.sql sleeps 30 s after its first statement.
inline const TestMigration kSlow
    = {"0002_slow", "CREATE TABLE before_sleep (id int);\nSELECT pg_sleep(30);\n",
       "DROP TABLE before_sleep;\n"};
// A migration whose down.sql sleeps 30 s before its statement.
inline const TestMigration kSlowDown = {"0002_slow_down", "CREATE TABLE slow_down (id int);\n",
                                        "SELECT pg_sleep(30);\nDROP TABLE slow_down;\n"};

// The test database as a session spec, with the flags (read-only, production) of profile.
inline SessionSpec specOf(const TestDatabase &db, const ConnectionProfile &flags = {},
                          const QString &name = QStringLiteral("test"))
{
    ConnectionProfile p = db.profile();
    p.name = name;
    p.sandbox = false;
    p.readOnly = flags.readOnly;
    p.production = flags.production;
    return SessionSpec::from(p, QString());
}

// The flags for specOf: a production profile, a read-only one.
inline ConnectionProfile productionFlags()
{
    ConnectionProfile p;
    p.production = true;
    return p;
}
inline ConnectionProfile readOnlyFlags()
{
    ConnectionProfile p;
    p.readOnly = true;
    return p;
}

// How many other sessions of db's database run the slow migrations' pg_sleep(30), as text.
inline QString sleepingSessions(TestDatabase &db)
{
    return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()");
}

// What the tests of the Migrations view share: the job manager, the scripted user and the
// migrations folder of the view under test, and the steps most cases begin with.
class MigrationsViewFixture
{
protected:
    // A view of the given migrations (in a new folder, m_dir) answered by m_confirmer, on spec,
    // once its first status was read; *statusRead says whether that read succeeded. Nothing
    // when the folder could not be written or loaded, or no status came.
    std::unique_ptr<MigrationsView> openView(const SessionSpec &spec,
                                             const QList<TestMigration> &migrations,
                                             bool *statusRead = nullptr)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!writeMigrations(m_dir->path(), migrations))
            return nullptr;
        auto view = std::make_unique<MigrationsView>(&m_jobs);
        view->setConfirmer(&m_confirmer);
        if (!view->setMigrationsDir(m_dir->path()))
            return nullptr;
        QSignalSpy refreshed(view.get(), &MigrationsView::refreshed);
        view->setTarget(spec);
        if (!refreshed.wait(30000))
            return nullptr;
        if (statusRead)
            *statusRead = refreshed.first().first().toBool();
        view->show();
        return view;
    }

    // A view on a fresh database with the given migrations, status read.
    std::unique_ptr<MigrationsView> makeView(TestDatabase &db,
                                             const QList<TestMigration> &migrations,
                                             ConnectionProfile profile = {})
    {
        bool read = false;
        auto view = openView(specOf(db, profile), migrations, &read);
        if (!view || !read)
            return nullptr;
        view->setLockWaitMs(500);
        return view;
    }

    // makeView, then Apply all run to its end (whatever its outcome).
    std::unique_ptr<MigrationsView> appliedView(TestDatabase &db,
                                                const QList<TestMigration> &migrations,
                                                ConnectionProfile profile = {})
    {
        auto view = makeView(db, migrations, profile);
        if (!view || !runAndWait(view.get(), view->actions()->applyAll))
            return nullptr;
        return view;
    }

    // The same migrations (m_dir) applied to other through a view of its own (profile "B").
    bool applyAllOn(TestDatabase &other)
    {
        MigrationsView onOther(&m_jobs);
        onOther.setConfirmer(&m_confirmer);
        if (!onOther.setMigrationsDir(m_dir->path()))
            return false;
        QSignalSpy refreshed(&onOther, &MigrationsView::refreshed);
        onOther.setTarget(specOf(other, {}, QStringLiteral("B")));
        return refreshed.wait(30000) && runAndWait(&onOther, onOther.actions()->applyAll);
    }

    static bool runAndWait(MigrationsView *view, QAction *action)
    {
        QSignalSpy finished(view, &MigrationsView::runFinished);
        if (!action->isEnabled())
            return false;
        action->trigger();
        return !finished.isEmpty() || finished.wait(60000); // it may finish at once
    }

    // The run's own verdict (runFinished's ok), or nothing when it did not finish.
    static std::optional<bool> runOutcome(MigrationsView *view, QAction *action)
    {
        QSignalSpy finished(view, &MigrationsView::runFinished);
        if (!action->isEnabled())
            return std::nullopt;
        action->trigger();
        if (finished.isEmpty() && !finished.wait(60000))
            return std::nullopt;
        return finished.first().first().toBool();
    }

    // Esc on the view's progress dialog, which cancels its job; false when there is none.
    static bool cancelThroughProgressDialog(QWidget *view)
    {
        auto *dialog = view->findChild<JobProgressDialog *>();
        if (!dialog)
            return false;
        QTest::keyClick(dialog, Qt::Key_Escape);
        return true;
    }

    // Triggers action, waits until its session sleeps in a slow migration's pg_sleep(30) and
    // cancels it through the progress dialog: the run's verdict (runFinished's ok), or nothing
    // when the sleep never showed, there was no dialog or the run did not finish.
    static std::optional<bool> cancelWhileSleeping(MigrationsView *view, QAction *action,
                                                   TestDatabase &db)
    {
        QSignalSpy finished(view, &MigrationsView::runFinished);
        action->trigger();
        if (!QTest::qWaitFor([&] { return sleepingSessions(db) == QLatin1String("1"); }, 20000)
            || !cancelThroughProgressDialog(view))
            return std::nullopt;
        if (finished.isEmpty() && !finished.wait(20000))
            return std::nullopt;
        return finished.first().first().toBool();
    }

    JobManager m_jobs;
    ScriptedConfirmer m_confirmer;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace uaip::test
