#pragma once

#include "db/boundstatement.h"
#include "error/error.h"
#include "metricspanel.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace uaip {

class PgConnection;
class PgResult;

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
    // fetch() in two halves, for a caller that sends the statement with others (one pipeline):
    // the look-up's statement (empty when nothing has to be looked up), and the labels from its
    // answer (r: the statement's result; unread when the statement is empty).
    static BoundStatement statement(MetricsPanel panel, const QStringList &keys);
    static Lookup read(MetricsPanel panel, const QStringList &keys, const BoundStatement &statement,
                       const PgResult &r);
};

} // namespace uaip
