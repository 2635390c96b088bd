#pragma once

#include "datakey.h"

#include "error/status.h"

#include <QMetaType>
#include <QString>

namespace uaip {

// What the keychain answered for one database identity: the key, no key, or why it could not
// answer (status: Io when no keychain answers or it failed, BadInput when the entry holds no
// UAIP data key, Cancelled when it did not answer in time).
struct DataKeyLookup
{
    QString identity;
    DataKey key;
    bool found = false;
    Status status;

    bool ok() const { return status.ok(); }
};

} // namespace uaip

Q_DECLARE_METATYPE(uaip::DataKeyLookup)
