#pragma once

#include "promptcontent.h"

#include <QCoreApplication>
#include <QStringList>

namespace uaip {

// The field rules of a prompt version, as the table's CHECKs and PostgreSQL's text type have
// them, checked before anything is sent: temperature 0..1, max_tokens 1..200000, a model
// preference of 1..50 characters, texts of at most 1 MiB (UTF-8) without NUL characters,
// a non-empty system prompt, and the {{variable}} rule in both texts. Each problem names
// the field (and line:col for variables).
class PromptValidator
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptValidator)
public:
    static constexpr qsizetype kMaxTextBytes = 1024 * 1024;
    static constexpr int kMaxTokens = 200000;
    static constexpr int kMaxModelLength = 50;

    static QStringList check(const PromptContent &content);
    static QStringList checkText(const QString &field, const QString &text);
};

} // namespace uaip
