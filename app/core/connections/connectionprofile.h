#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// A saved connection: where the server is, how to reach it, and how careful to be with it.
// The password is not part of the profile: it lives in the OS keychain (or in memory).
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(uaip::ConnectionProfile)

public:
    QString name;
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode
        = QStringLiteral("prefer"); // disable | allow | prefer | require | verify-ca | verify-full
    QString sslRootCert; // root certificate file for verify-ca/-full
    QString applicationName = QStringLiteral("uaip-admin");
    QString color; // #rrggbb of the connection band; empty: none
    bool production = false; // destructive actions need the database name typed
    bool readOnly = false; // migrations and edits are disabled
    bool sandbox = false; // the built-in local sandbox (never stored)

    static QString sandboxName() { return QStringLiteral("Local sandbox"); }
    static ConnectionProfile localSandbox();
    static QStringList sslModes();

    // libpq keyword/value string; values quoted. password empty: none given.
    QString conninfo(const QString &password = QString()) const;
    // "user@host:port/database"
    QString describe() const;
    bool isValid(QString *why = nullptr) const;
};

} // namespace uaip
