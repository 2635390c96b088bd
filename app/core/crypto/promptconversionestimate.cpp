#include "promptconversionestimate.h"

#include <QLocale>

#include <cmath>

namespace uaip {

PromptConversionEstimate PromptConversionEstimate::of(const PromptEncryptionStatus &status,
                                                      int lockTimeoutMs)
{
    PromptConversionEstimate e;
    e.texts = status.encryptedPrompts + status.plainPrompts + status.encryptedVersions
        + status.plainVersions;
    e.seconds = kFixedSeconds + double(e.texts) * kSecondsPerText;
    e.lockTimeoutMs = lockTimeoutMs;
    return e;
}

QString PromptConversionEstimate::text() const
{
    const QLocale locale;
    const qint64 rounded = qMax<qint64>(1, qint64(std::ceil(seconds)));
    return tr("ai_prompts and ai_prompt_versions are locked against writers (readers go on) for "
              "about %n second(s) (%1 texts); the locks are waited for at most %2 s",
              nullptr, int(rounded))
        .arg(locale.toString(texts))
        .arg(locale.toString(double(lockTimeoutMs) / 1000.0, 'g', 3));
}

} // namespace uaip
