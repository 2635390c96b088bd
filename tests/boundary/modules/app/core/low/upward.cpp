#include "./high/dotted.h"
#include "db/pgconnection.h" // [a bracket that must not hide the lines below
#include "high/allowed.h"
#include <high/angle.h>
#include UAIP_SOME_HEADER
const auto upwardStatement = SqlResource::of("high", "statement");
const auto twoStatements = SqlResource::of("low", "a") + SqlResource::of("high", "second");
const auto brokenLine = SqlResource::of(
    "high", "a statement whose name is long enough for a break after the parenthesis");
const QString qrcPath = QStringLiteral(":/sql/high/sql/x.sql");
const auto byConstant = SqlResource::of(kModuleName, "statement");
