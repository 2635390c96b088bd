#include "high/afterbom.h" // clang-format off: a byte order mark first
