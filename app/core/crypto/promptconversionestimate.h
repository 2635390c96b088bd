#pragma once

#include "promptencryptionstatus.h"

#include <QCoreApplication>
#include <QString>

namespace uaip {

// How long an enable or disable will hold the prompt tables, said before it runs (CLI and the
// Prompts view's confirmation): the conversion locks ai_prompts and ai_prompt_versions in
// EXCLUSIVE mode (writers wait, readers go on) for its whole transaction, which reads, converts
// and rewrites every stored text. The estimate is the number of texts (the status's counts)
// times a per-text cost measured on the sandbox, plus a fixed part; it waits at most the lock
// timeout for the locks themselves.
struct PromptConversionEstimate
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptConversionEstimate)
public:
    // Measured on the test sandbox (two shared cores, texts of ~1.8 KiB, the rows plus two
    // versions each): 3,000 texts enable 2.7 s / disable 1.2 s, 9,000 texts enable 9.0 s /
    // disable 3.5 s. The estimate takes the slower enable, about 1 ms per text.
    static constexpr double kSecondsPerText = 0.001;
    static constexpr double kFixedSeconds = 0.5;

    qint64 texts = 0; // ai_prompts + ai_prompt_versions rows with a system prompt
    double seconds = 0; // expected time the tables are held
    int lockTimeoutMs = 0;

    static PromptConversionEstimate of(const PromptEncryptionStatus &status, int lockTimeoutMs);
    // "ai_prompts and ai_prompt_versions are locked against writers (readers go on) for about
    // 2 s (9,000 texts); the locks are waited for at most 10 s"
    QString text() const;
};

} // namespace uaip
