// ScreenshotDirector: the Fleet view over the sandbox's database and a few empty tenant
// databases made next to it, so the matrix shows applied and pending cells.
#include "db/pgconnection.h"
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
    QByteArray lines = "# the sandbox and three empty tenants\n[wave canary]\n";
    lines += "platform " + target->profile.conninfo().toUtf8() + "\n[wave tenants]\n";
    for (const char *name : {"tenant_berlin", "tenant_lisbon", "tenant_oslo"}) {
        const QString database = QLatin1String(name);
        if (server.scalar("SELECT count(*) FROM pg_database WHERE datname = $1", {database})
            == QLatin1String("0"))
            server.exec("CREATE DATABASE " + server.quoteIdentifier(database));
        ConnectionProfile p = target->profile;
        p.database = database;
        lines += QByteArray(name).replace('_', '-') + ' ' + p.conninfo().toUtf8() + '\n';
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
