#include "migrationactions.h"

#include <QAction>
#include <QApplication>
#include <QStyle>

namespace uaip {

namespace {

QAction *make(QObject *parent, const QString &text, const char *theme,
              QStyle::StandardPixmap fallback, const QKeySequence &key, const QString &tip,
              const char *name)
{
    auto *a = new QAction(
        QIcon::fromTheme(QLatin1String(theme), QApplication::style()->standardIcon(fallback)), text,
        parent);
    a->setShortcut(key);
    // Only where the view that shows the action has the focus (MigrationsView adds them).
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    a->setObjectName(QLatin1String(name));
    a->setToolTip(key.isEmpty()
                      ? tip
                      : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    return a;
}

} // namespace

MigrationActions::MigrationActions(QObject *parent)
    : QObject(parent)
{
    refresh = make(this, tr("&Refresh"), "view-refresh", QStyle::SP_BrowserReload, QKeySequence(),
                   tr("Read the migration status again"), "refresh");
    // Every fallback icon differs from the others' (without a desktop theme "go-top" and
    // "go-up" were both SP_ArrowUp: two tool buttons looked alike at 1024x700).
    applyAll = make(this, tr("&Apply all pending"), "go-top", QStyle::SP_MediaSkipForward,
                    QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Apply every pending migration"),
                    "applyAll");
    applyToSelected = make(this, tr("Apply &up to selected"), "go-up", QStyle::SP_ArrowUp,
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                           tr("Apply pending migrations up to and including the selected one"),
                           "applyToSelected");
    rollbackLast = make(this, tr("Roll back &last"), "edit-undo", QStyle::SP_ArrowBack,
                        QKeySequence(Qt::CTRL | Qt::Key_Backspace),
                        tr("Roll back the most recently applied migration"), "rollbackLast");
    rollbackToSelected = make(this, tr("Roll back &to selected"), "go-down", QStyle::SP_ArrowDown,
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace),
                              tr("Roll back every migration after the selected one (the selected "
                                 "stays applied)"),
                              "rollbackToSelected");
    dryRun
        = make(this, tr("&Dry run"), "document-preview", QStyle::SP_FileDialogContentsView,
               QKeySequence(Qt::CTRL | Qt::Key_D),
               tr("Show the exact SQL that applying all pending migrations would send"), "dryRun");
    validate = make(this, tr("&Validate"), "tools-check-spelling", QStyle::SP_DialogApplyButton,
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
                    tr("Check the syntax of every migration and the checksums of applied ones"),
                    "validate");
    verify = make(this, tr("V&erify on sandbox"), "system-run", QStyle::SP_ComputerIcon,
                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y),
                  tr("Apply every migration on the sandbox, check each rollback and compare with "
                     "this database"),
                  "verify");
    generateMigration
        = make(this, tr("&Generate migration from drift..."), "document-new",
               QStyle::SP_FileDialogNewFolder, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
               tr("Write how this database differs from the migrations as a new migration, "
                  "proved on the sandbox"),
               "generateMigration");
    newOnlineChange = make(
        this, tr("New &Online Change..."), "edit-rename", QStyle::SP_FileLinkIcon, QKeySequence(),
        tr("Write a rename, a type change or SET NOT NULL of a big table as an expand and "
           "a contract migration, proved on the sandbox"),
        "newOnlineChange");
    openFolder = make(this, tr("&Open migrations folder..."), "folder-open", QStyle::SP_DirOpenIcon,
                      QKeySequence(),
                      tr("Read the migrations of a folder of yours instead of the bundled ones "
                         "(generated migrations are written there)"),
                      "openFolder");
    workloadSince = make(this, tr("&Workload since this migration..."), "utilities-system-monitor",
                         QStyle::SP_FileDialogListView, QKeySequence(),
                         tr("Compare the top statements' time, calls and plans before the "
                            "selected migration was applied and now"),
                         "workloadSince");
    // The tool bar shows these shorter words (the menu the full ones), so every action fits
    // beside its icon.
    applyAll->setIconText(tr("Apply all"));
    applyToSelected->setIconText(tr("Apply to selected"));
    rollbackToSelected->setIconText(tr("Roll back to selected"));
    verify->setIconText(tr("Verify"));
    generateMigration->setIconText(tr("Generate"));
    findFilter = make(this, tr("&Filter"), "edit-find", QStyle::SP_FileDialogDetailedView,
                      QKeySequence::Find, tr("Filter the migrations"), "findFilter");
    showHistory = make(this, tr("&History"), "document-open-recent", QStyle::SP_FileDialogInfoView,
                       QKeySequence(Qt::CTRL | Qt::Key_H),
                       tr("Show the event log of the whole database"), "showHistory");
    singleTransaction = new QAction(tr("Run in &One Transaction"), this);
    singleTransaction->setObjectName(QStringLiteral("singleTransaction"));
    singleTransaction->setCheckable(true);
    singleTransaction->setStatusTip(
        tr("Apply and roll back the whole plan in one transaction: every migration commits, or "
           "none does (a plan with a no-transaction migration is refused)"));
    singleTransaction->setToolTip(singleTransaction->statusTip());
}

QList<QAction *> MigrationActions::writeActions() const
{
    return {applyAll, applyToSelected, rollbackLast, rollbackToSelected};
}

QList<QAction *> MigrationActions::all() const
{
    return {refresh,    applyAll,    applyToSelected, rollbackLast,      rollbackToSelected,
            dryRun,     validate,    verify,          generateMigration, newOnlineChange,
            findFilter, showHistory, openFolder};
}

} // namespace uaip
