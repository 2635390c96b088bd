#include "promptdigest.h"

#include <QCryptographicHash>

namespace uaip {

QString PromptDigest::contentSha256(const QString &systemPrompt,
                                    const std::optional<QString> &userPromptTemplate)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(systemPrompt.toUtf8());
    if (userPromptTemplate) {
        hash.addData(QByteArrayView("\x1f", 1));
        hash.addData(userPromptTemplate->toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace uaip
