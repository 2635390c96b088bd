#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// What "New Online Change..." asks: the name of the pair of migrations and the one statement.
struct OnlineChangeRequest
{
    QString name;
    QByteArray sql;
};

} // namespace uaip
