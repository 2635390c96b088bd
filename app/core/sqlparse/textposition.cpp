#include "textposition.h"

#include <algorithm>

namespace uaip {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool hasBom(const QByteArray &utf8)
{
    return utf8.startsWith("\xEF\xBB\xBF");
}

} // namespace

TextPosition TextPosition::fromOffset(const QByteArray &utf8, int byteOffset)
{
    return fromOffset(utf8, byteOffset, 0, TextPosition{});
}

TextPosition TextPosition::fromOffset(const QByteArray &utf8, int byteOffset, int knownOffset,
                                      TextPosition knownPosition)
{
    const qsizetype size = utf8.size();
    qsizetype end = std::clamp<qsizetype>(byteOffset, 0, size);
    qsizetype begin = knownOffset;
    TextPosition position = knownPosition;
    // A known offset inside a character stands for that character, as in the result.
    while (begin > 0 && begin < size && isContinuationByte(utf8.at(begin)))
        --begin;
    if (begin <= 0 || begin > end || begin > size || knownPosition.line < 1
        || knownPosition.column < 1) {
        begin = 0;
        position = TextPosition{};
    }
    if (begin == 0 && hasBom(utf8)) {
        begin = 3;
        end = std::max<qsizetype>(end, begin);
    }
    // An offset in the middle of a character points at that character.
    while (end > begin && end < size && isContinuationByte(utf8.at(end)))
        --end;

    const char *data = utf8.constData();
    for (qsizetype i = begin; i < end; ++i) {
        const char c = data[i];
        // a lone CR ends a line too (old Mac files); CRLF counts once, at its LF
        if (c == '\n' || (c == '\r' && (i + 1 >= size || data[i + 1] != '\n'))) {
            ++position.line;
            position.column = 1;
        } else if (!isContinuationByte(c)) {
            ++position.column;
        }
    }
    return position;
}

QString TextPosition::toString() const
{
    return QString::number(line) + u':' + QString::number(column);
}

} // namespace uaip
