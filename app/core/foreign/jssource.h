#pragma once

#include <QString>

#include <optional>

namespace uaip {

// Just enough of JavaScript's lexical grammar to read a TypeORM migration class
// (TypeOrmExtractor): comments, '...' and "..." strings, template literals (with their ${...}
// parts) and braces. Regular expression literals are not recognised.
class JsSource
{
public:
    explicit JsSource(const QString &text);

    const QString &text() const { return m_text; }
    // The text with every comment and the inside of every string and template literal blanked
    // (spaces; line breaks kept, so positions and lines stay): what is left is code, and a
    // search in it never finds a word inside a comment or a string.
    const QString &code() const { return m_code; }

    int lineAt(qsizetype pos) const;
    // The index of the brace closing the one at open (in code()), or -1.
    qsizetype closingBrace(qsizetype open) const;
    // The brace depth at pos counted from `from` (code()).
    int depth(qsizetype from, qsizetype pos) const;
    // The comment or string literal starting at i ends just before the returned index (i when
    // none starts there).
    qsizetype skipCommentOrString(qsizetype i) const;
    // The string literal at i, its value as JavaScript computes it, with *end after its closing
    // quote; nullopt when none starts there, or (with *interpolation at the "${") a template
    // literal that builds its text at run time.
    std::optional<QString> literal(qsizetype i, qsizetype *end,
                                   qsizetype *interpolation = nullptr) const;

private:
    QString m_text;
    QString m_code;
};

} // namespace uaip
