#pragma once

#include "activity/activitysession.h"
#include "activity/sessionaction.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace uaip {

class SessionActionJob;
struct ConnectionProfile;

// The Activity view's cancel and terminate of one session, around the job that sends it: why
// the selected session is not offered, the question before (a Yes/No box, or the session's
// database name typed on a production profile) and the SessionAction it yields, and the short
// outcome kept in the session's row. Posting the job and showing its outcome stay the view's.
class SessionActionFlow
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SessionActionFlow)

public:
    // Asks before a cancel or terminate: true to go on. typed: the database name must be typed
    // (production); *typedName gets what was typed. Replaced by tests and screenshot mode.
    using Asker = std::function<bool(QWidget *parent, const QString &question,
                                     const QString &database, bool typed, QString *typedName)>;

    // parent: the questions' parent. Asks with the dialogs until setAsker().
    explicit SessionActionFlow(QWidget *parent);

    void setAsker(Asker asker) { m_asker = std::move(asker); }

    // Why the session may not be cancelled or terminated here: one of this console's own, ended,
    // or on another database than `connected` while allDatabases is off. Empty when none of
    // these holds.
    static QString whyNotOffered(const ActivitySession &session, bool ended,
                                 const QString &connected, bool allDatabases);
    // Asks (the Asker) before `kind` on the session: the action to send, with what was typed,
    // or nullopt when it was not confirmed.
    std::optional<SessionAction> confirm(SessionAction::Kind kind, const ActivitySession &session,
                                         const ConnectionProfile &profile, bool allDatabases) const;
    // The short outcome for the session's row: how the finished job ended, at `at`.
    static QString outcomeText(const SessionActionJob &job, bool ok, const QString &at);

private:
    QWidget *m_parent;
    Asker m_asker;
};

} // namespace uaip
