#pragma once

namespace uaip {

// Which script of a migration runs: up.sql (an apply) or down.sql (a rollback).
enum class ScriptDirection { Up, Down };

} // namespace uaip
