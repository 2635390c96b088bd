#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <optional>

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

    // nullopt and *error (what is wrong) when text is not such a list.
    static std::optional<RoutineArguments> parse(const QString &text, QString *error);
    // types as a JSON array of strings (lookup.sql's argument types, bound as a value).
    QByteArray json() const;

private:
    static std::optional<QString> typeText(const PgQuery__TypeName *type, QString *error);
};

} // namespace uaip
