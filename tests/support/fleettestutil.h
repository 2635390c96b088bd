#pragma once

// Shared by the fleet tests (tst_fleet, tst_fleettopology) and bench_fleet: tenant databases
// made fast from one template, reached as a non-owner role with a hostile name, and a targets
// file naming them.
#include "db/pgconnection.h"
#include "db/sandbox.h"

#include <QFile>
#include <QRandomGenerator>
#include <QUrl>

#include <memory>

namespace uaip::test {

// A login role, neither superuser nor owner of the tenants: quote, semicolon, double quote,
// newline and carriage return in its name (reachable through a URI's percent-encoding).
inline QString fleetRole()
{
    return QStringLiteral("fleet \"app\"; x\n'r\r");
}

inline QByteArray quoteIdent(const QString &name)
{
    return '"' + name.toUtf8().replace('"', "\"\"") + '"';
}

// postgresql:// URI for a database of the sandbox as role.
inline QString fleetUri(const Sandbox &sandbox, const QString &database, const QString &role)
{
    return QStringLiteral("postgresql:///%1?host=%2&port=%3&user=%4")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(database)),
             QString::fromLatin1(QUrl::toPercentEncoding(sandbox.socketDir())),
             QString::number(sandbox.port()), QString::fromLatin1(QUrl::toPercentEncoding(role)));
}

// count tenant databases "<prefix>_<n>" copied from one template that lets the role create in
// schema public; the role may create schemas in each (the ledger's). Dropped on destruction.
class FleetTenants
{
public:
    FleetTenants(Sandbox &sandbox, int count, const QString &role = fleetRole())
        : m_sandbox(sandbox)
        , m_prefix(QStringLiteral("fleet_%1")
                       .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')))
    {
        PgConnection admin;
        if (!admin.open(sandbox.conninfo(QStringLiteral("postgres"))))
            qFatal("fleet: %s", qPrintable(admin.connectionError()));
        const QByteArray r = quoteIdent(role);
        admin.execScript("DO $$ BEGIN CREATE ROLE " + r
                         + " LOGIN PASSWORD 'uaip-test-login'; " // TestCluster::loginPassword()
                           "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; "
                           "END $$");
        const QString tpl = m_prefix + QStringLiteral("_tpl");
        if (const Status made = sandbox.createDatabase(tpl, QStringLiteral("template0")); !made)
            qFatal("fleet: %s", qPrintable(made.error().toString()));
        m_names << tpl;
        {
            PgConnection t;
            if (!t.open(sandbox.conninfo(tpl)))
                qFatal("fleet: %s", qPrintable(t.connectionError()));
            const PgResult g = t.exec("GRANT CREATE, USAGE ON SCHEMA public TO " + r);
            if (!g.ok())
                qFatal("fleet: %s", qPrintable(g.error().toString()));
        }
        for (int i = 1; i <= count; ++i) {
            const QString name = tenant(i);
            if (const Status made = sandbox.createDatabase(name, tpl); !made)
                qFatal("fleet: %s", qPrintable(made.error().toString()));
            m_names << name;
            admin.exec("GRANT CREATE, CONNECT ON DATABASE " + quoteIdent(name) + " TO " + r);
        }
    }
    ~FleetTenants()
    {
        for (const QString &name : std::as_const(m_names))
            m_sandbox.dropDatabase(name);
    }
    QString tenant(int i) const
    {
        return QStringLiteral("%1_%2").arg(m_prefix).arg(i, 3, 10, QLatin1Char('0'));
    }
    QString name(int i) const
    {
        return QStringLiteral("tenant-%1").arg(i, 3, 10, QLatin1Char('0'));
    }
    // "NAME URI" lines for tenants first..last
    QByteArray lines(int first, int last, const QString &role = fleetRole()) const
    {
        QByteArray out;
        for (int i = first; i <= last; ++i)
            out += name(i).toUtf8() + ' ' + fleetUri(m_sandbox, tenant(i), role).toUtf8() + '\n';
        return out;
    }
    // A superuser connection to tenant i (for checks and hand changes).
    std::unique_ptr<PgConnection> admin(int i) const
    {
        auto c = std::make_unique<PgConnection>();
        if (!c->open(m_sandbox.conninfo(tenant(i))))
            qFatal("fleet: %s", qPrintable(c->connectionError()));
        return c;
    }

private:
    Sandbox &m_sandbox;
    QString m_prefix;
    QStringList m_names;
};

inline void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace uaip::test
