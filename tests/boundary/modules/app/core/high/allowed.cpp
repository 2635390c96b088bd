#include "low/allowed.h"
#include "allowed.h"
#include <QString>
// SqlResource::of("ring", "a comment names no dependency")
const auto allowedStatement = SqlResource::get(QStringLiteral("low/sql/statement.sql"));
const auto ownStatement = SqlResource::of("high", "own");
