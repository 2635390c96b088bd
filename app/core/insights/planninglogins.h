#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <memory>

namespace uaip {

class PgConnection;

// Where a statement another role ran may be planned. Planning runs code (the planner folds and
// inlines functions, views, policies, defaults and casts), and that code can set the role back
// to any role the session's login role may become: acting as the statement's role (SET ROLE)
// from a superuser contains nothing. So a statement is planned only on a session logged in as a
// role with no right the statement's role lacks (insights/sql/planning_rights.sql): the
// console's own session when it is that role (or a superuser planning a superuser's), else the
// planner login — the console's server, database and options with user kPlannerRole (or
// UAIP_PLANNER), its password from libpq's password file — a member of the statement's role
// that holds nothing else. Where neither may, nothing is planned and the seat says why.
class PlanningLogins
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PlanningLogins)

public:
    static constexpr const char *kPlannerRole = "uaip_planner";

    // A session a role's statements may be planned on, or why none.
    struct Seat
    {
        PgConnection *connection = nullptr;
        QString refusal;
    };

    explicit PlanningLogins(PgConnection &console);
    ~PlanningLogins();
    PlanningLogins(const PlanningLogins &) = delete;
    PlanningLogins &operator=(const PlanningLogins &) = delete;

    // The planner login's role name: UAIP_PLANNER, else kPlannerRole.
    static QString plannerRole();
    // Where role's statements may be planned; an error only when the console's session fails.
    Result<Seat> forRole(const QString &role);

private:
    // planning_rights.sql on c for role: whether c's login is a superuser, and the refusal.
    Result<std::pair<bool, QString>> rightsOn(PgConnection &c, const QString &role);
    // The planner login's session, opened once; nullptr with m_plannerError when it cannot be.
    PgConnection *planner();

    PgConnection &m_console;
    std::unique_ptr<PgConnection> m_planner;
    bool m_plannerTried = false;
    QString m_plannerError;
    QHash<QString, Seat> m_seats;
};

} // namespace uaip
