#include "parsetree.h"

#include <QByteArray>

namespace uaip {

namespace {

// Qt's JSON reader gives up at 1024 levels of nesting, and a long chain of operators
// (a + b + c ...) nests that deep. The linter only looks at the upper levels, so everything
// below this depth is replaced by null before the tree is read.
constexpr int maxJsonDepth = 400;

} // namespace

QJsonDocument ParseTree::read(const char *json, bool *pruned)
{
    if (pruned)
        *pruned = false;
    QByteArray out;
    const qsizetype size = qstrlen(json);
    out.reserve(size);
    int depth = 0;
    int skipping = 0; // > 0: inside a subtree being dropped, at this relative depth
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = json[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (skipping > 0) {
                ++skipping;
                continue;
            }
            if (depth == maxJsonDepth) {
                skipping = 1;
                if (pruned)
                    *pruned = true;
                out.append("null");
                continue;
            }
            ++depth;
        } else if (c == '}' || c == ']') {
            if (skipping > 0) {
                --skipping;
                continue;
            }
            --depth;
        }
        if (skipping == 0)
            out.append(c);
    }
    return QJsonDocument::fromJson(out);
}

} // namespace uaip
