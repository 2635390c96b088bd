#include "sessionstatuslabels.h"

#include "db/serversupport.h"
#include "widgets/localeformat.h"

#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>

#include <algorithm>

namespace uaip {

SessionStatusLabels::SessionStatusLabels(QMainWindow *window)
    : m_bar(window->statusBar())
    , m_server(new QLabel(window))
    , m_database(new QLabel(window))
    , m_user(new QLabel(window))
    , m_latency(new QLabel(window))
{
    m_server->setObjectName(QStringLiteral("serverVersion"));
    m_database->setObjectName(QStringLiteral("statusDatabase"));
    m_user->setObjectName(QStringLiteral("statusUser"));
    m_latency->setObjectName(QStringLiteral("statusLatency"));
    m_latency->setToolTip(tr("Round trip of a SELECT 1 at the last refresh"));
    for (QLabel *l : {m_server, m_database, m_user, m_latency})
        window->statusBar()->addPermanentWidget(l);
    QObject::connect(m_bar, &QStatusBar::messageChanged, m_bar, [bar = m_bar](const QString &m) {
        if (m.isEmpty())
            bar->setToolTip(QString()); // the whole text of a message that is gone
    });
}

void SessionStatusLabels::setSession(const QString &version, int versionNum,
                                     const QString &database, const QString &user, int ms)
{
    m_serverVersion = version;
    const bool supported = ServerSupport::of(versionNum) == ServerSupport::Level::Supported;
    //: %1 the server's version, e.g. 18.4
    m_server->setText(
        supported ? tr("PostgreSQL %1").arg(ServerSupport::versionText(versionNum))
                  : tr("PostgreSQL %1 (untested)").arg(ServerSupport::versionText(versionNum)));
    m_server->setToolTip(ServerSupport::describe(versionNum) + QStringLiteral("\n") + version);
    m_database->setText(tr("database %1").arg(database));
    m_user->setText(tr("user %1").arg(user));
    m_latency->setText(LocaleFormat::milliseconds(ms));
}

void SessionStatusLabels::showMessage(const QString &text, int timeoutMs)
{
    const QFontMetrics metrics = m_bar->fontMetrics();
    int room = m_bar->width() - 2 * metrics.averageCharWidth() * 2;
    for (const QLabel *l : {m_server, m_database, m_user, m_latency})
        if (!l->text().isEmpty())
            room -= l->sizeHint().width() + metrics.averageCharWidth();
    const QString line = text.simplified();
    const QString shown
        = metrics.elidedText(line, Qt::ElideRight, std::max(room, metrics.averageCharWidth() * 20));
    m_bar->setToolTip(shown == line ? QString() : text);
    m_bar->showMessage(shown, timeoutMs);
}

void SessionStatusLabels::clear()
{
    for (QLabel *l : {m_server, m_database, m_user, m_latency})
        l->clear();
    m_serverVersion.clear();
}

} // namespace uaip
