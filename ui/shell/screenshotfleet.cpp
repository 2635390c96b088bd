#include "screenshotfleet.h"

#include "db/pgconnection.h"
#include "demo/demotenantdatabases.h"
#include "fleet/fleetmatrixmodel.h"
#include "fleet/fleetview.h"
#include "mainwindow.h"
#include "migrations/migrationsview.h"
#include "screenshotscratch.h"

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
    // The tenants are scratch databases of the run's next to its own (ScreenshotScratch: dropped
    // with it), never databases of the user's.
    const QStringList tenants = ScreenshotScratch::tenants(target->profile.database);
    const QStringList labels = ScreenshotScratch::tenantLabels();
    if (tenants.size() != labels.size()) {
        emit failed(tr("fleet: %1 is not a scratch database").arg(target->profile.database));
        return QString();
    }
    if (const Status made = DemoTenantDatabases::ensure(server, tenants); !made.ok()) {
        emit failed(tr("fleet: %1").arg(made.error().toString()));
        return QString();
    }
    QByteArray lines = "# the sandbox and three empty tenants\n[wave canary]\n";
    lines += "platform " + target->profile.conninfo().toUtf8() + "\n[wave tenants]\n";
    for (qsizetype i = 0; i < tenants.size(); ++i) {
        ConnectionProfile p = target->profile;
        p.database = tenants[i];
        lines += labels[i].toUtf8() + ' ' + p.conninfo().toUtf8() + '\n';
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
