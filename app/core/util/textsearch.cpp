#include "textsearch.h"

#include <algorithm>
#include <cctype>

namespace uaip {

bool TextSearch::containsIgnoringCase(QByteArrayView text, QByteArrayView upperWord)
{
    return std::search(
               text.cbegin(), text.cend(), upperWord.cbegin(), upperWord.cend(),
               [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; })
        != text.cend();
}

} // namespace uaip
