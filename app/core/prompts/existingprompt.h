#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

class PgResult;
struct PromptSeed;

// One existing ai_prompts row as PromptSeeder compares it with its seed (the columns of
// seed_prompts_existing.sql): the fields whose change makes a new version, the metadata
// updated in the row without one, and what a new version moves.
struct ExistingPrompt
{
    QString id;
    QString name, description, promptType, modelPreference, versionLabel;
    QString storedPrompt; // as stored: plain text or an envelope
    std::optional<QString> userPromptTemplate;
    double temperature = 0;
    int maxTokens = 0;
    QJsonObject validationRules, metadata;
    bool hasValidationRules = false;
    int currentVersion = 1;
    int maxVersion = 0;
    bool active = false;
    bool productionProtected = false;

    // Row i of seed_prompts_existing.sql.
    static ExistingPrompt fromRow(const PgResult &rows, int i);
    // The fields of the text that differ (any of them makes a new version); systemPrompt is
    // the stored one, decrypted.
    QStringList changedText(const QString &systemPrompt, const PromptSeed &seed) const;
    // The metadata fields that differ (updated in the row, without a new version).
    QStringList changedMetadata(const PromptSeed &seed) const;
};

} // namespace uaip
