#include "screenshotfleet.h"

#include "db/pgconnection.h"
#include "demo/demotenantdatabases.h"
#include "fleet/fleetmatrixmodel.h"
#include "fleet/fleetview.h"
#include "mainwindow.h"
#include "migrations/migrationsview.h"

#include <QDir>
#include <QFile>
#include <QTableView>
#include <QTimer>

namespace uaip {

void ScreenshotFleet::start()
{
    FleetView *view = m_window->fleetView();
    const QString path = writeTargets();
    if (path.isEmpty())
        return;
    connect(
        view, &FleetView::runFinished, this,
        [this, view, path] {
            QFile::remove(path);
            view->table()->selectRow(1);
            QTimer::singleShot(0, this, [this] {
                if (m_save(m_window, MainWindow::viewKey(MainWindow::Fleet)))
                    emit done();
            });
        },
        Qt::SingleShotConnection);
    if (!view->openTargetsFile(path)) {
        QFile::remove(path);
        return emit failed(tr("fleet: the targets file was refused"));
    }
}

QString ScreenshotFleet::writeTargets()
{
    const std::optional<SessionSpec> target = m_window->migrationsView()->target();
    if (!target) {
        emit failed(tr("fleet: no sandbox session"));
        return QString();
    }
    PgConnection server;
    if (!server.open(target->profile.conninfo(target->password.value_or(QString())),
                     QStringLiteral("uaip-screenshot fleet"))) {
        emit failed(tr("fleet: %1").arg(server.connectionError()));
        return QString();
    }
    const QStringList tenants{QStringLiteral("tenant_berlin"), QStringLiteral("tenant_lisbon"),
                              QStringLiteral("tenant_oslo")};
    if (const Status made = DemoTenantDatabases::ensure(server, tenants); !made.ok()) {
        emit failed(tr("fleet: %1").arg(made.error().toString()));
        return QString();
    }
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
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(lines) != lines.size()) {
        emit failed(tr("cannot write %1").arg(path));
        return QString();
    }
    return path;
}

} // namespace uaip
