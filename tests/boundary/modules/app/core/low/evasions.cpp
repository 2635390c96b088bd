// clang-format off
// (the planted evasions are spelled as written, not as formatted)
// Fixture of boundary_refuses_modules: includes and statements of a module low does not use,
// hidden from a line-by-line reading; each must be named.
/* a comment first */ #include "high/commented.h"
#include \
"high/continued.h"
# /**/ include "high/spaced.h"
const QString split = QStringLiteral(":/sql/" "high" "/sql/x.sql");
const auto byVariable = SqlResource::get(path);
const auto byArgument = SqlResource::get(QStringLiteral("%1/sql/x.sql").arg(module));
