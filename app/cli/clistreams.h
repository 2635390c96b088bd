#pragma once

#include <QIODevice>

namespace uaip {

// Where one run of uaip-migrate (CliApplication::run) writes: a device for its stdout and one for
// its stderr, each open for writing; null is the process's own stream (what the program uses).
// Every result, message, progress line and JSON document goes there. Process-only: the questions
// asked when stdin is a terminal (a passphrase or the admin password without echo, the database
// name to confirm) are asked on the process's stderr, and every answer (also repair's "Proceed?",
// which is printed to err) is read from the process's stdin.
struct CliStreams
{
    QIODevice *out = nullptr;
    QIODevice *err = nullptr;
};

} // namespace uaip
