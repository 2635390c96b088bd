#pragma once

#include <QString>

namespace uaip {

// JSON text helpers for the json/jsonb editors (any JSON value, scalars included).
class JsonText
{
public:
    static bool isValid(const QString &text, QString *error = nullptr);
    // Objects and arrays indented; anything else (or invalid text) as it is.
    static QString pretty(const QString &text);
};

} // namespace uaip
