#pragma once

#include <QCryptographicHash>

// Shared by the prompt tests: a migrated database with the bundled prompts seeded.
#include "platformdatabase.h"
#include "prompts/promptactor.h"
#include "prompts/promptseeder.h"
#include "prompts/promptseedfile.h"
#include "prompts/prompttextcodec.h"

#include <QtTest>

namespace uaip::test {

struct PromptDatabase : PlatformDatabase
{
    explicit PromptDatabase(const QString &application)
        : PlatformDatabase(application)
    {
        PromptSeedFile file;
        if (!file.load(PromptSeedFile::bundledPath()))
            qFatal("bundled seed file: %s", qPrintable(file.errorText()));
        if (!PromptSeeder(connection).run(file, {}).ok())
            qFatal("seeding the bundled prompts failed");
    }
    int count(const char *sql, const QVariantList &params = {})
    {
        return db.scalar(sql, params).toInt();
    }
    static PromptActor actor(const QString &console = QStringLiteral("alice"))
    {
        PromptActor a;
        a.consoleUser = console;
        a.application = QStringLiteral("tst");
        return a;
    }
};

// A reversible stand-in for the encryption helper's codec: "uaipenc:" + reversed text, bound
// to the prompt and version like the real envelope (decode refuses another binding).
class ReversingCodec : public PromptTextCodec
{
public:
    bool isEncrypted(const QString &stored) const override { return looksEncrypted(stored); }
    Result<QString> decode(const QString &stored, const QString &promptId,
                           int versionNo) const override
    {
        const QString head = QStringLiteral("uaipenc:%1:%2:").arg(promptId).arg(versionNo);
        if (!stored.startsWith(head))
            return Error(ErrorCode::Refused, QStringLiteral("envelope bound elsewhere"));
        QString body = stored.mid(head.size());
        std::reverse(body.begin(), body.end());
        return body;
    }
    Result<QString> encode(const QString &plain, const QString &promptId, int versionNo,
                           const QString &) const override
    {
        QString body = plain;
        std::reverse(body.begin(), body.end());
        return QStringLiteral("uaipenc:%1:%2:").arg(promptId).arg(versionNo) + body;
    }
    Result<QString> contentDigest(const QString &plain, const std::optional<QString> &,
                                  const QString &) const override
    {
        // Not the plain SHA-256, as the real codec's keyed digest.
        return QString::fromLatin1(
            QCryptographicHash::hash(("reversing:" + plain).toUtf8(), QCryptographicHash::Sha256)
                .toHex());
    }
    QString lockReason() const override { return m_lockReason; }
    QString m_lockReason;
};

} // namespace uaip::test
