#pragma once

#include "db/boundstatement.h"
#include "error/error.h"
#include "metricspanel.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace uaip {

class PgConnection;

// Legend labels for series keys: persona, agent and tool names; the model for Interactions;
// "model · organisation" for Tokens. A key without a row keeps the key as its label.
class MetricsLabels
{
public:
    struct Lookup
    {
        QHash<QString, QString> labels; // key -> label
        BoundStatement statement; // what was sent (empty when nothing had to be looked up)
        Error error; // the server's, when the look-up failed
        bool ok() const { return !error.isSet(); }
    };

    static Lookup fetch(PgConnection &connection, MetricsPanel panel, const QStringList &keys);
};

} // namespace uaip
