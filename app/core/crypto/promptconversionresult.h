#pragma once

#include "cryptoresult.h"
#include "error/pgerror.h"

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
    PgError error; // when the server refused
    CryptoError cryptoError = CryptoError::None; // when a text did not open
    int promptsConverted = 0;
    int versionsConverted = 0;
    bool alreadyInState = false;
    bool repaired = false; // a disable that finished a mixed state (plain rows left as they were)

    bool ok() const { return outcome == Outcome::Done; }
};

} // namespace uaip
