#pragma once

#include "error/status.h"

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
    QString host; // a host, socket folder or IP; several: a libpq host list "a,b,c"
    int port = 5432; // every host's port, unless ports says otherwise
    QString ports; // empty, or one port per host of the list: "5432,5433"
    // libpq's target_session_attrs: which host of the list to take (read-write: the primary;
    // standby, prefer-standby, ...). Empty: the first that answers (libpq's "any").
    QString targetSessionAttrs;
    QString database;
    QString user;
    QString sslMode
        = QStringLiteral("prefer"); // disable | allow | prefer | require | verify-ca | verify-full
    QString sslRootCert; // root certificate file for verify-ca/-full
    // A libpq password file (pgpass format) for this profile: the local sandbox's (never
    // stored, set by Sandbox::profile); empty: libpq's default (PGPASSFILE, ~/.pgpass).
    QString passFile;
    QString applicationName = QStringLiteral("uaip-admin");
    QString color; // #rrggbb of the connection band; empty: none
    bool production = false; // destructive actions need the database name typed
    bool readOnly = false; // migrations and edits are disabled
    bool sandbox = false; // the built-in local sandbox (never stored)
    // Where migrations connect instead, bypassing a pooler: "host:port" (or a host or socket
    // folder, the port above then) of the server itself; empty: the profile's own hosts.
    QString migrationDirect;
    QString group; // the Fleet view's profile group ("": none)

    static QString sandboxName() { return QStringLiteral("Local sandbox"); }
    static ConnectionProfile localSandbox();
    static QStringList sslModes();
    // The values libpq takes for target_session_attrs (PostgreSQL 14+ libpq).
    static QStringList targetSessionAttrsValues();
    // The hosts of the list (one for a plain host).
    QStringList hosts() const;

    // libpq keyword/value string; values quoted. password empty: none given.
    QString conninfo(const QString &password = QString()) const;
    // The profile for migrations: its hosts replaced by migrationDirect when set (one host,
    // target_session_attrs dropped: the server named is the one meant).
    ConnectionProfile forMigrations() const;
    // "user@host:port/database"
    QString describe() const;
    // The name shown to people: the sandbox's translated ("Lokale Sandbox"), any other as it is
    // stored. The stored name stays the key (settings, keychain, history files, audit rows).
    QString displayName() const;
    // Ok, or why not (BadInput; arg "field": the member that is wrong).
    Status isValid() const;
};

} // namespace uaip
