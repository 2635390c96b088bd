#include "jsonduplicatekeys.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <vector>

namespace uaip {

namespace {

struct Frame
{
    bool object = false;
    bool expectKey = false;
    QHash<QString, int> keys; // key -> offset of its first occurrence
};

// The string's value: the raw bytes between the quotes, decoded only when escaped.
QString decoded(const QByteArray &json, int from, int to)
{
    const QByteArray raw = json.mid(from, to - from);
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw);
    return QJsonDocument::fromJson('[' + json.mid(from - 1, to - from + 2) + ']')
        .array()
        .at(0)
        .toString();
}

} // namespace

JsonDuplicateKeys JsonDuplicateKeys::find(const QByteArray &json)
{
    JsonDuplicateKeys out;
    std::vector<Frame> stack;
    const int size = int(json.size());
    for (int i = 0; i < size; ++i) {
        const char c = json.at(i);
        if (c == '"') {
            const int start = i + 1;
            int end = start;
            while (end < size && json.at(end) != '"')
                end += json.at(end) == '\\' ? 2 : 1;
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Frame &f = stack.back();
                const QString key = decoded(json, start, end);
                const auto seen = f.keys.constFind(key);
                if (seen != f.keys.cend()) {
                    out.key = key;
                    out.offset = i;
                    out.firstOffset = *seen;
                    return out;
                }
                f.keys.insert(key, i);
                f.expectKey = false;
            }
            i = end;
        } else if (c == '{') {
            Frame f;
            f.object = true;
            f.expectKey = true;
            stack.push_back(std::move(f));
        } else if (c == '[') {
            stack.emplace_back();
        } else if ((c == '}' || c == ']') && !stack.empty()) {
            stack.pop_back();
        } else if (c == ',' && !stack.empty() && stack.back().object) {
            stack.back().expectKey = true;
        }
    }
    return out;
}

} // namespace uaip
