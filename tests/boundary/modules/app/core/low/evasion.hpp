// clang-format off
// Fixture of boundary_refuses_modules: a file of another name, included by low/evasions.cpp.
#include "high/inhpp.h"
