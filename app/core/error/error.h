#pragma once

#include "errorcode.h"
#include "pgerror.h"

#include <QString>
#include <QVariantMap>
#include <optional>

namespace uaip {

// The one error value at the core's boundary: a code to decide on, the facts it is about as
// named arguments ("path", "line", "table", "role", ...), the server's PgError (SQLSTATE,
// position, detail) where the server spoke, and the sentence for people in the user's
// language. A default Error is no error; any other is one, even without words.
class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString text, QVariantMap args = {});
    // The server's error: code Server, or Connection for the connection classes (08, 28,
    // 57P01..57P03); its text is the PgError's. An empty PgError is no error.
    // A command of a pipeline that did not run (PgError::notRun: PGRES_PIPELINE_ABORTED, an
    // earlier command of the pipeline failed or a cancel stopped the sending) is a Server error
    // too, not Conflict (nobody else changed anything) nor Cancelled (most are skipped after
    // a failure, not a cancel): arg "not_run" true, its text the PgError's words, and no
    // server() (the server said nothing about this command; the earlier failure is the
    // pipeline's first failed result, which its caller reports). So nothing failed reads as ok.
    // libpq's own failure (PgError::connectionLost) is a Connection error with libpq's words,
    // arg "connection_lost" true and no server(): no server spoke.
    explicit Error(const PgError &server);

    bool isSet() const { return m_set; }
    ErrorCode code() const { return m_code; }
    // The sentence: what failed and where, without the server's words (toString() adds them).
    const QString &text() const { return m_text; }
    const QVariantMap &args() const { return m_args; }
    QVariant arg(const QString &name) const { return m_args.value(name); }
    const std::optional<PgError> &server() const { return m_server; }
    QString sqlState() const { return m_server ? m_server->sqlState : QString(); }

    // The same error said in a context: "<context>: <text>" (an argument kept as it is).
    Error in(const QString &context) const;
    // The error with one more named fact.
    Error with(const QString &name, const QVariant &value) const;
    // The error with the server's error it follows from (the server's 57014 under the user's
    // cancel): its code and words stay; toString() adds the server's.
    Error saidBy(const PgError &server) const;
    // For people: the text, then the server's error on lines of its own where there is one.
    QString toString() const;

private:
    bool m_set = false; // made by a constructor with a code or a server error
    ErrorCode m_code = ErrorCode::Internal;
    QString m_text;
    QVariantMap m_args;
    std::optional<PgError> m_server;
};

} // namespace uaip
