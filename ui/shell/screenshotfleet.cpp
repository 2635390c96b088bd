// ScreenshotDirector: the Fleet view over the sandbox's database and a few empty tenant
// databases made next to it, so the matrix shows applied and pending cells.
#include "db/pgconnection.h"
#include "demo/demotenantdatabases.h"
#include "fleet/fleetmatrixmodel.h"
#include "fleet/fleetview.h"
#include "mainwindow.h"
#include "migrations/migrationsview.h"
#include "screenshotdirector.h"

#include <QDir>
#include <QFile>
#include <QTableView>
#include <QTimer>

namespace uaip {

void ScreenshotDirector::captureFleet()
{
    FleetView *view = m_window->fleetView();
    const std::optional<SessionSpec> target = m_window->migrationsView()->target();
    if (!target)
        return fail(tr("fleet: no sandbox session"));
    PgConnection server;
    if (!server.open(target->profile.conninfo(target->password.value_or(QString())),
                     QStringLiteral("uaip-screenshot fleet")))
        return fail(tr("fleet: %1").arg(server.connectionError()));
    const QStringList tenants{QStringLiteral("tenant_berlin"), QStringLiteral("tenant_lisbon"),
                              QStringLiteral("tenant_oslo")};
    if (const DbStatus made = DemoTenantDatabases::ensure(server, tenants); !made.ok())
        return fail(tr("fleet: %1").arg(made.error().message));
    QByteArray lines = "# the sandbox and three empty tenants\n[wave canary]\n";
    lines += "platform " + target->profile.conninfo().toUtf8() + "\n[wave tenants]\n";
    for (const QString &database : tenants) {
        ConnectionProfile p = target->profile;
        p.database = database;
        lines += database.toUtf8().replace('_', '-') + ' ' + p.conninfo().toUtf8() + '\n';
    }
    const QString path = QDir(QDir::tempPath())
                             .filePath(QStringLiteral("uaip-screenshot-fleet-%1.txt")
                                           .arg(QCoreApplication::applicationPid()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(lines) != lines.size())
        return fail(tr("cannot write %1").arg(path));
    file.close();
    connect(
        view, &FleetView::runFinished, this,
        [this, view, path] {
            QFile::remove(path);
            view->table()->selectRow(1);
            QTimer::singleShot(0, this, [this] {
                if (save(m_window, MainWindow::viewKey(MainWindow::Fleet)))
                    captureViews(MainWindow::Fleet + 1);
            });
        },
        Qt::SingleShotConnection);
    if (!view->openTargetsFile(path)) {
        QFile::remove(path);
        return fail(tr("fleet: the targets file was refused"));
    }
}

} // namespace uaip
