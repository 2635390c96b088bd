#pragma once

#include "error/pgerror.h"

#include <QString>

namespace uaip {

// Why a prompt operation did nothing. Every operation that writes runs in one transaction:
// when it returns an error, nothing of it was written.
struct PromptError
{
    enum class Kind {
        None,
        BadInput, // invalid field, text or file (exit code 2)
        NotFound, // unknown prompt id or version (exit code 2)
        Conflict, // someone else saved first: expected version != current version
        Locked, // encrypted text without a key
        NeedsConfirmation, // a protected label would move without the caller's confirmation
        Database, // the server refused, or the connection was lost (rolled back)
    };
    Kind kind = Kind::None;
    QString message;
    PgError pg; // set for Database

    bool isSet() const { return kind != Kind::None; }
    static PromptError make(Kind kind, const QString &message) { return {kind, message, {}}; }
    static PromptError database(const PgError &e, const QString &context = QString())
    {
        return {Kind::Database,
                context.isEmpty() ? e.toString()
                                  : QStringLiteral("%1: %2").arg(context, e.toString()),
                e};
    }
};

// A value or the reason there is none.
template<typename T>
struct PromptResult
{
    T value{};
    PromptError error;

    bool ok() const { return !error.isSet(); }
    static PromptResult fail(const PromptError &e)
    {
        PromptResult r;
        r.error = e;
        return r;
    }
};

} // namespace uaip
