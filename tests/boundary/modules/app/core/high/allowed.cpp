#include "low/allowed.h"
#include "allowed.h"
#include <QString>
// SqlResource::of("ring", "a comment names no dependency")
const auto allowedStatement = SqlResource::get(QStringLiteral("low/sql/statement.sql"));
const auto ownStatement = SqlResource::of("high", "own");
/* #include "ring/thing.h" in a comment
   #include "loop/thing.h" */
const char *notAComment = "// #include \"ring/thing.h\"";
const auto byName = SqlResource::get(QStringLiteral("high/sql/%1.sql").arg(name));
const QString ownDotted = QStringLiteral(":/sql/./high/sql/x.sql");
const QString usedUpAndDown = QStringLiteral(":/sql/high/../low/sql/x.sql");
const char *url = "https://example.org//x/./y";
#include "./low/../low/allowed.h"
