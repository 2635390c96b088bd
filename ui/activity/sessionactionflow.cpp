#include "sessionactionflow.h"

#include "sessionactionjob.h"

#include "activity/sessioncontrol.h"
#include "browser/typedconfirmdialog.h"
#include "db/connectionprofile.h"

#include <QLineEdit>
#include <QMessageBox>

namespace uaip {

namespace {

bool askWithDialogs(QWidget *parent, const QString &question, const QString &database, bool typed,
                    QString *typedName)
{
    if (!typed)
        return QMessageBox::question(parent, SessionActionFlow::tr("Activity"), question,
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    TypedConfirmDialog dialog(question, database, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *typedName = dialog.input()->text();
    return true;
}

} // namespace

SessionActionFlow::SessionActionFlow(QWidget *parent)
    : m_parent(parent)
    , m_asker(askWithDialogs)
{ }

QString SessionActionFlow::whyNotOffered(const ActivitySession &session, bool ended,
                                         const QString &connected, bool allDatabases)
{
    if (session.own)
        return tr("This is one of this console's own sessions.");
    if (ended)
        return tr("This session has ended.");
    if (!allDatabases && session.database != connected)
        return tr("This session is on the database %1, not %2: check All databases to act on it.")
            .arg(session.database, connected);
    return QString();
}

std::optional<SessionAction> SessionActionFlow::confirm(SessionAction::Kind kind,
                                                        const ActivitySession &session,
                                                        const ConnectionProfile &profile,
                                                        bool allDatabases) const
{
    const QString who = tr("session %1 (%2, %3, %4)")
                            .arg(session.pid)
                            .arg(session.user, session.application, session.state);
    // the session's database: what the question names and what is typed on production
    const QString database = session.database;
    const QString question = kind == SessionAction::Kind::Cancel
        ? tr("Cancel the running statement of %1 on the database %2?").arg(who, database)
        : tr("Terminate %1 on the database %2? Its connection drops and its open transaction is "
             "rolled back.")
              .arg(who, database);
    SessionAction action;
    action.kind = kind;
    action.pid = session.pid;
    action.backendStart = session.backendStart;
    action.allDatabases = allDatabases;
    action.readOnlyProfile = profile.readOnly;
    action.production = profile.production;
    QString typed;
    if (!m_asker(m_parent, question, database, action.production, &typed))
        return std::nullopt;
    action.confirmation = typed;
    return action;
}

QString SessionActionFlow::outcomeText(const SessionActionJob &job, bool ok, const QString &at)
{
    if (ok)
        return job.action().kind == SessionAction::Kind::Cancel ? tr("cancelled %1").arg(at)
                                                                : tr("terminated %1").arg(at);
    if (job.outcome().gone)
        return tr("already gone %1").arg(at);
    if (job.isCancelled()) // from the job dock
        return tr("job cancelled %1").arg(at);
    if (SessionControl::isRefusal(job.error()))
        return tr("refused %1").arg(at);
    return tr("failed %1").arg(at);
}

} // namespace uaip
