#pragma once

#include "error/error.h"

#include <QString>

namespace uaip {

// The outcome of enabling or disabling the encryption. Anything but Done means the
// transaction was rolled back: not one text changed.
struct PromptConversionResult
{
    enum class Outcome {
        Done, // converted (or nothing to do: already in that state)
        WrongKey, // the key given is not the database's key (state or an envelope says so)
        Failed, // a text did not decrypt/verify, or the server refused: rolled back
    };
    Outcome outcome = Outcome::Done;
    QString message;
    // Why, when not Done: the server's error (Error::server()) when the server refused, a
    // CryptoFailure (its "crypto" argument) when a text did not open; unset otherwise.
    Error error;
    int promptsConverted = 0;
    int versionsConverted = 0;
    bool alreadyInState = false;
    bool repaired = false; // a disable that finished a mixed state (plain rows left as they were)

    bool ok() const { return outcome == Outcome::Done; }
};

} // namespace uaip
