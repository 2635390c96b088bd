#pragma once

#include "datakey.h"

#include <QMetaType>
#include <QString>

namespace uaip {

// What the keychain answered for one database identity: the key, no key, or an error.
struct DataKeyLookup
{
    QString identity;
    DataKey key;
    bool found = false;
    QString error; // the keychain's words when it could not answer (no backend, locked, ...)

    bool ok() const { return error.isEmpty(); }
};

} // namespace uaip

Q_DECLARE_METATYPE(uaip::DataKeyLookup)
