#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// JSON text as PostgreSQL's json and jsonb read it (RFC 8259: any JSON value, scalars
// included), checked and laid out without ever converting a number: a number keeps every digit
// as typed (QJsonDocument would read it as a double and round 12345678901234567890 or
// 0.1000000000000000055511). Strings may not hold raw control characters; a \u escape of a
// surrogate must be a pair; jsonb (not json) refuses \u0000, as the server does.
class JsonSyntax
{
    Q_DECLARE_TR_FUNCTIONS(uaip::JsonSyntax)

public:
    // What is wrong with text, with the character where it was found; empty when it is valid.
    static QString problem(const QString &text, bool jsonb = false);
    // Objects and arrays indented by four spaces, one member or element a line, every token
    // (numbers, strings) as written; invalid text as it is.
    static QString pretty(const QString &text);

private:
    class Scanner;
};

} // namespace uaip
