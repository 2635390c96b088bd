#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// JSON text helpers for the json/jsonb editors (any JSON value, scalars included).
class JsonText
{
    Q_DECLARE_TR_FUNCTIONS(uaip::JsonText)

public:
    static bool isValid(const QString &text, QString *error = nullptr);
    // Objects and arrays indented; anything else (or invalid text) as it is.
    static QString pretty(const QString &text);
};

} // namespace uaip
