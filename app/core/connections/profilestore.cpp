#include "profilestore.h"

namespace uaip {

namespace {

const QString kGroup = QStringLiteral("profiles");

// QSettings keys cannot hold '/' or '\\'; the name itself is stored as a value.
QString keyFor(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toHex());
}

} // namespace

QList<ConnectionProfile> ProfileStore::load() const
{
    QList<ConnectionProfile> out;
    m_settings.beginGroup(kGroup);
    const QStringList keys = m_settings.childGroups();
    for (const QString &key : keys) {
        m_settings.beginGroup(key);
        ConnectionProfile p;
        p.name = m_settings.value(QStringLiteral("name")).toString();
        p.host = m_settings.value(QStringLiteral("host")).toString();
        p.port = m_settings.value(QStringLiteral("port"), 5432).toInt();
        p.ports = m_settings.value(QStringLiteral("ports")).toString();
        p.targetSessionAttrs = m_settings.value(QStringLiteral("targetSessionAttrs")).toString();
        p.database = m_settings.value(QStringLiteral("database")).toString();
        p.user = m_settings.value(QStringLiteral("user")).toString();
        p.sslMode = m_settings.value(QStringLiteral("sslmode"), p.sslMode).toString();
        p.sslRootCert = m_settings.value(QStringLiteral("sslrootcert")).toString();
        p.applicationName
            = m_settings.value(QStringLiteral("application_name"), p.applicationName).toString();
        p.color = m_settings.value(QStringLiteral("color")).toString();
        p.production = m_settings.value(QStringLiteral("production"), false).toBool();
        p.readOnly = m_settings.value(QStringLiteral("read_only"), false).toBool();
        p.migrationDirect = m_settings.value(QStringLiteral("migration_direct")).toString();
        p.group = m_settings.value(QStringLiteral("group")).toString();
        m_settings.endGroup();
        if (!p.name.isEmpty())
            out << p;
    }
    m_settings.endGroup();
    std::sort(out.begin(), out.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return out;
}

std::optional<ConnectionProfile> ProfileStore::find(const QString &name) const
{
    for (const ConnectionProfile &p : load())
        if (p.name == name)
            return p;
    return std::nullopt;
}

void ProfileStore::save(const ConnectionProfile &p)
{
    m_settings.beginGroup(kGroup + u'/' + keyFor(p.name));
    m_settings.setValue(QStringLiteral("name"), p.name);
    m_settings.setValue(QStringLiteral("host"), p.host);
    m_settings.setValue(QStringLiteral("port"), p.port);
    m_settings.setValue(QStringLiteral("ports"), p.ports);
    m_settings.setValue(QStringLiteral("targetSessionAttrs"), p.targetSessionAttrs);
    m_settings.setValue(QStringLiteral("database"), p.database);
    m_settings.setValue(QStringLiteral("user"), p.user);
    m_settings.setValue(QStringLiteral("sslmode"), p.sslMode);
    m_settings.setValue(QStringLiteral("sslrootcert"), p.sslRootCert);
    m_settings.setValue(QStringLiteral("application_name"), p.applicationName);
    m_settings.setValue(QStringLiteral("color"), p.color);
    m_settings.setValue(QStringLiteral("production"), p.production);
    m_settings.setValue(QStringLiteral("read_only"), p.readOnly);
    m_settings.setValue(QStringLiteral("migration_direct"), p.migrationDirect);
    m_settings.setValue(QStringLiteral("group"), p.group);
    m_settings.endGroup();
}

void ProfileStore::remove(const QString &name)
{
    m_settings.remove(kGroup + u'/' + keyFor(name));
}

void ProfileStore::sync()
{
    m_settings.sync();
}

} // namespace uaip
