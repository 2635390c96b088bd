#pragma once

#include "personaseed.h"
#include "promptseed.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// A prompt seed file (format 1): {"format": 1, "prompts": [...], "personas": [...]}, parsed
// and validated completely before anything is written. Every problem names the file and the
// entry: 'ai_prompts.json: prompts[2] (authenticity-analyzer-v1): missing field
// "system_prompt"'; invalid JSON gives the line and column. Checks: JSON syntax, field
// presence and types, unknown fields, enum values and column sizes of the schema, ranges
// (temperature 0..1, max_tokens 1..200000), duplicate prompt ids and persona names, duplicate
// keys of a JSON object (line:col; Qt's parser would keep the last silently), and that
// every {{variable}} in a prompt's texts and validation rules is declared in "variables".
class PromptSeedFile
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptSeedFile)
public:
    static QString bundledPath() { return QStringLiteral(":/seeds/ai_prompts.json"); }
    // load() refuses a larger file before reading it (the bundled file has 30 KiB).
    static constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

    // Reads and validates a file (a path or the bundled ":/seeds/..." resource).
    bool load(const QString &path);
    // Validates JSON text; displayName is how messages name the file.
    bool parse(const QByteArray &json, const QString &displayName);

    bool ok() const { return m_errors.isEmpty(); }
    QString path() const { return m_path; }
    QString displayName() const { return m_displayName; }
    const QList<PromptSeed> &prompts() const { return m_prompts; }
    const QList<PersonaSeed> &personas() const { return m_personas; }
    const QStringList &errors() const { return m_errors; }
    QString errorText() const { return m_errors.join(u'\n'); }

private:
    void readPrompt(const class QJsonValue &value, int index);
    void readPersona(const class QJsonValue &value, int index);
    void checkDuplicates(); // prompt ids and persona names used twice

    QString m_path;
    QString m_displayName;
    QList<PromptSeed> m_prompts;
    QList<PersonaSeed> m_personas;
    QStringList m_errors;
};

} // namespace uaip
