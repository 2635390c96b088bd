#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "error/result.h"

struct PgQuery__TypeName;

namespace uaip {

// A function's or procedure's argument list as a user writes it after its name
// (`uaip-migrate ddl "app.f(a integer, VARIADIC b integer[])"`), and as the catalog prints a
// routine's identity (pg_get_function_identity_arguments): each argument [mode] [name] type,
// the mode IN, OUT, INOUT or VARIADIC. Read by libpg_query as the argument list of a DROP
// FUNCTION (a typed tree, never taken apart by hand), so that names, modes and every type
// spelling the server accepts are read as the server reads them.
class RoutineArguments
{
    Q_DECLARE_TR_FUNCTIONS(uaip::RoutineArguments)

public:
    // The types of the arguments that make the routine's signature (IN, INOUT, VARIADIC; not
    // OUT, as the server's proargtypes leaves them out), each as text the server's to_regtype
    // reads: the parts of its name quoted, "[]" per array dimension (a type modifier is not
    // part of a signature).
    QStringList types;

    // BadInput (what is wrong, with the "arguments" as written) when text is not such a list.
    static Result<RoutineArguments> parse(const QString &text);
    // types as a JSON array of strings (lookup.sql's argument types, bound as a value).
    QByteArray json() const;

private:
    static Result<QString> typeText(const PgQuery__TypeName *type);
};

} // namespace uaip
