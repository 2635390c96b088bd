#pragma once

#include <QString>

namespace uaip {

// What kind of failure an Error is: what a caller decides on (an exit code, a retry, which
// dialog) without reading its words. errorCodeName() is the stable name the CLI's JSON prints.
enum class ErrorCode {
    BadInput, // a value, name, option or file the caller gave is not valid
    NotFound, // what was named does not exist
    Conflict, // it exists already, or someone else changed it first
    Refused, // not allowed: unsafe, protected, or not confirmed
    Io, // a file, folder or process of this machine failed
    Server, // the server refused a statement: Error::server() says what and where
    Connection, // no connection, or the connection went (SQLSTATE class 08, 28, 57P0x)
    Cancelled, // the user or a deadline stopped it
    Internal, // a library refused a call (out of memory, ...)
    Locked, // an encrypted text and no key to open it
    NeedsConfirmation, // a protected label would move without the caller's confirmation
};

// "bad-input", "not-found", ...: the code as the CLI's JSON and the tests spell it.
QString errorCodeName(ErrorCode code);

} // namespace uaip
