#pragma once

#include "error/error.h"

#include <QLatin1String>
#include <QString>

namespace uaip {

// What went wrong in a cryptographic step, as the one Error: the code to decide on and the
// argument "crypto" that names the step's own kind. A decryption never returns bytes unless
// the GCM tag verified.
//
//   malformed, unsupported-version        BadInput  (not an envelope / key file, a bad field,
//                                                    a format version this build does not know)
//   wrong-key, authentication-failed,     Refused   (another key; the tag did not verify:
//   wrong-passphrase                                 tampered ciphertext, tag, nonce or
//                                                    associated data; a key file's passphrase)
//   internal                              Internal  (OpenSSL refused a call)
class CryptoFailure
{
public:
    static constexpr QLatin1String kArg{"crypto"};
    static constexpr QLatin1String kMalformed{"malformed"};
    static constexpr QLatin1String kUnsupportedVersion{"unsupported-version"};
    static constexpr QLatin1String kWrongKey{"wrong-key"};
    static constexpr QLatin1String kAuthenticationFailed{"authentication-failed"};
    static constexpr QLatin1String kWrongPassphrase{"wrong-passphrase"};
    static constexpr QLatin1String kInternal{"internal"};

    // The Error of a failure of this kind: BadInput for malformed and unsupported-version,
    // Internal for internal, Refused for the rest; the kind is the "crypto" argument.
    static Error of(QLatin1String kind, const QString &text);

    // The kind the "crypto" argument names ("malformed", ...); empty for another error.
    static QString kindOf(const Error &error);
    static bool is(const Error &error, QLatin1String kind) { return kindOf(error) == kind; }
};

} // namespace uaip
