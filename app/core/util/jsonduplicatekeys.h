#pragma once

#include <QByteArray>
#include <QString>

namespace uaip {

// Qt's JSON parser keeps the last of two equal keys of an object and says nothing, so a file
// with {"system_prompt": "a", "system_prompt": "b"} would be taken as "b" unnoticed. This is a
// small scan over JSON text that Qt already parsed without error: one pass over the bytes, a
// stack of the keys seen per open object (escaped keys compared decoded), no tree built. It
// finds the first key that repeats within one object.
struct JsonDuplicateKeys
{
    QString key; // empty: none
    int offset = -1; // byte offset of the repeated key's opening quote
    int firstOffset = -1; // byte offset of its first occurrence

    bool found() const { return offset >= 0; }
    // json must be valid JSON (QJsonDocument::fromJson accepted it).
    static JsonDuplicateKeys find(const QByteArray &json);
};

} // namespace uaip
