#pragma once

#include <QByteArrayView>

namespace uaip {

// Searches in a text without copying it (a migration file may be 50 MB).
class TextSearch
{
public:
    // Whether text contains word, ASCII letters compared without case; word in upper case.
    static bool containsIgnoringCase(QByteArrayView text, QByteArrayView upperWord);
};

} // namespace uaip
