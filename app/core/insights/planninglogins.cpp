#include "planninglogins.h"

#include "db/conninfo.h"
#include "db/pgconnection.h"
#include "db/sqlresource.h"

namespace uaip {

PlanningLogins::PlanningLogins(PgConnection &console)
    : m_console(console)
{ }

PlanningLogins::~PlanningLogins() = default;

QString PlanningLogins::plannerRole()
{
    const QString configured = qEnvironmentVariable("UAIP_PLANNER");
    return configured.isEmpty() ? QString::fromLatin1(kPlannerRole) : configured;
}

Result<std::pair<bool, QString>> PlanningLogins::rightsOn(PgConnection &c, const QString &role)
{
    const PgResult r = c.exec(SqlResource::of("insights", "planning_rights"), {role});
    if (!r.ok())
        return Error(r.error());
    if (r.rows() != 1) {
        return Error(ErrorCode::NotFound, tr("the session's login role is not in pg_roles"),
                     {{QStringLiteral("role"), role}});
    }
    return std::pair<bool, QString>(r.value(0, "superuser") == u"t", r.value(0, "refusal"));
}

PgConnection *PlanningLogins::planner()
{
    if (m_plannerTried)
        return m_planner.get();
    m_plannerTried = true;
    auto c = std::make_unique<PgConnection>();
    PgConnection::OpenOptions options;
    options.applicationName = QStringLiteral("uaip-admin planner");
    options.forceApplicationName = true;
    if (!c->open(ConnInfo::asLogin(m_console, plannerRole()), options)) {
        m_plannerError = c->connectionError();
        return nullptr;
    }
    m_planner = std::move(c);
    return m_planner.get();
}

Result<PlanningLogins::Seat> PlanningLogins::forRole(const QString &role)
{
    if (role.isEmpty()) {
        Seat none;
        none.refusal = tr("the role that ran it is not known here");
        return none;
    }
    if (const auto known = m_seats.constFind(role); known != m_seats.constEnd())
        return *known;
    const Result<std::pair<bool, QString>> console = rightsOn(m_console, role);
    if (!console)
        return console.error();
    Seat seat;
    if (console.value().second.isEmpty()) {
        seat.connection = &m_console;
    } else if (PgConnection *p = planner(); !p) {
        seat.refusal = tr("%1; the planner login %2 cannot connect (%3)")
                           .arg(console.value().second, plannerRole(), m_plannerError);
    } else if (const Result<std::pair<bool, QString>> there = rightsOn(*p, role); !there) {
        seat.refusal = tr("%1; on the planner login: %2")
                           .arg(console.value().second, there.error().toString());
    } else if (!there.value().second.isEmpty()) {
        seat.refusal
            = tr("%1; on the planner login: %2").arg(console.value().second, there.value().second);
    } else {
        seat.connection = p;
    }
    m_seats.insert(role, seat);
    return seat;
}

} // namespace uaip
