#include "statementdeadline.h"

#include "db/pgconnection.h"

#include <QDeadlineTimer>
#include <QLocale>

namespace uaip {

StatementDeadline::StatementDeadline(PgConnection &connection, int ms)
    : m_connection(connection)
{
    m_connection.setStatementDeadline(ms > 0 ? QDeadlineTimer(ms)
                                             : QDeadlineTimer(QDeadlineTimer::Forever));
}

StatementDeadline::~StatementDeadline()
{
    m_connection.setStatementDeadline(QDeadlineTimer(QDeadlineTimer::Forever));
}

bool StatementDeadline::expired() const
{
    return m_connection.statementDeadlinePassed();
}

QString StatementDeadline::message(int ms)
{
    return tr("cancelled after %1 s (statement timeout)")
        .arg(QLocale().toString(double(ms) / 1000.0, 'g', 6));
}

} // namespace uaip
