#include "error.h"

namespace uaip {

namespace {

bool isConnectionState(const QString &state)
{
    return state.isEmpty() || state.startsWith(QLatin1String("08"))
        || state.startsWith(QLatin1String("28")) || state == QLatin1String("57P01")
        || state == QLatin1String("57P02") || state == QLatin1String("57P03");
}

} // namespace

Error::Error(ErrorCode code, QString text, QVariantMap args)
    : m_set(true)
    , m_code(code)
    , m_text(std::move(text))
    , m_args(std::move(args))
{ }

Error::Error(const PgError &server)
    : m_set(server.isSet())
    , m_code(isConnectionState(server.sqlState) && !server.notRun ? ErrorCode::Connection
                                                                  : ErrorCode::Server)
    , m_server(server)
{
    // the server said nothing (of this command, or at all): libpq's or our words, with an arg
    if (server.notRun || server.connectionLost) {
        m_server.reset();
        m_text = server.message;
        m_args.insert(server.notRun ? QStringLiteral("not_run") : QStringLiteral("connection_lost"),
                      true);
    }
}

Error Error::in(const QString &context) const
{
    Error e = *this;
    if (context.isEmpty())
        return e;
    e.m_text = e.m_text.isEmpty() ? context : context + QStringLiteral(": ") + e.m_text;
    return e;
}

Error Error::with(const QString &name, const QVariant &value) const
{
    Error e = *this;
    e.m_args.insert(name, value);
    return e;
}

Error Error::saidBy(const PgError &server) const
{
    Error e = *this;
    if (server.isSet())
        e.m_server = server;
    return e;
}

QString Error::toString() const
{
    if (!m_server)
        return m_text;
    const QString server = m_server->toString();
    return m_text.isEmpty() ? server : m_text + QStringLiteral(": ") + server;
}

} // namespace uaip
