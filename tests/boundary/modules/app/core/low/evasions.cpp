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
#/* (a) a comment
   over two lines */include "high/spanned.h"
#include "high/afterspan.h"
%:include "high/digraph.h" // (b) the digraph of #
%: /**/ include "high/digraphspaced.h"
#include "high/formfeed.h" // a form feed
#include ".//high/doubleslash.h"
#include "low/../high/updown.h"
#include "/abs/app/core/high/absolute.h"
#import "high/imported.h"
#include "evasion.inc" // (c) files of other names: evasion.*
#include "evasion.hpp"
#include "evasion.ipp"
#include "evasion.tpp"
#include "evasion.cxx"
#include "evasion.hh"
const QString dotFirst = QStringLiteral(":/sql/./high/sql/x.sql"); // (d)
const QString twoSlashes = QStringLiteral(":/sql//high/sql/x.sql");
const QString dotInside = QStringLiteral(":/sql/high/./sql/x.sql");
const QString upAndDown = QStringLiteral(":/sql/low/../high/sql/x.sql");
const auto getUpAndDown = SqlResource::get(QStringLiteral("low/sql/../../high/sql/x.sql"));
const QString escaped = QStringLiteral(":/sql/\x68igh/sql/x.sql"); // an escape
const QString raw = QStringLiteral(R"(:/sql/high/sql/x.sql)");
const QString qrcUrl = QStringLiteral("qrc:///sql/high/sql/x.sql");
