#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace uaip {

// One line of the prompt list.
struct PromptSummary
{
    QString id; // ai_prompts.id (uuid)
    QString promptId; // the key, e.g. "authenticity-analyzer-v1"
    QString name;
    QString promptType;
    QString modelPreference;
    int currentVersion = 0;
    int latestVersion = 0; // the computed label "latest"
    QMap<QString, int> labels; // stored labels -> version_no ("latest" not included)
    bool isActive = false;
    bool locked = false; // encrypted, no key (or tampered)
    bool encrypted = false; // the served text is an envelope
    bool tampered = false; // the served text's envelope fails authentication with the key
    QString lockReason;
    QDateTime updatedAt;
    // Usage in the chosen period (ai_interactions of this prompt)
    qint64 interactions = 0;
    std::optional<double> successRate; // 0..1, none without interactions
    std::optional<double> meanLatencyMs; // none without timed interactions
};

// What the list shows: all prompts, or those matching every set criterion.
struct PromptListFilter
{
    QString
        search; // full text over name, description and system prompt, plus prompt_id/name substring
    QString promptType; // exact enum value, empty = any
    QString modelPreference; // exact, empty = any
    QString label; // has this label, empty = any
    std::optional<bool> active;
    QDateTime usageFrom; // usage period [from, to); invalid = the last 30 days
    QDateTime usageTo;
    // false: usage is not aggregated (interactions 0, rates empty), so a long
    // ai_interactions table does not slow the list down; fill it in with
    // PromptLister::usage() afterwards.
    bool withUsage = true;
};

} // namespace uaip
