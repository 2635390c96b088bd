#pragma once

#include "db/connectionprofile.h"

#include <QList>
#include <QSettings>

namespace uaip {

// Connection profiles in QSettings (group "profiles/<name>"). Never holds a password.
class ProfileStore
{
public:
    ProfileStore() = default;

    QList<ConnectionProfile> load() const;
    std::optional<ConnectionProfile> find(const QString &name) const;
    void save(const ConnectionProfile &profile);
    void remove(const QString &name);
    void sync();

private:
    mutable QSettings m_settings;
};

} // namespace uaip
