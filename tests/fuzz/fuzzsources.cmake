# The core sources fuzz_sqlsplitter.cpp needs, compiled into the fuzz target (clang, libFuzzer)
# with the fuzzer's instrumentation (CI's fuzz step builds it: a list that misses a file fails
# to link there). fuzz_sqlsplitter_replay links the module libraries instead.

get_filename_component(UAIP_FUZZ_CORE_DIR ${CMAKE_CURRENT_LIST_DIR}/../../app/core ABSOLUTE)
set(UAIP_FUZZ_SQLSPLITTER_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/fuzz_sqlsplitter.cpp
    ${UAIP_FUZZ_CORE_DIR}/error/error.cpp
    ${UAIP_FUZZ_CORE_DIR}/error/errorcode.cpp
    ${UAIP_FUZZ_CORE_DIR}/error/pgerror.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/altertablelockforecast.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/columntypechange.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/dmllockforecast.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/lockforecast.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/lockforecasttree.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/lockmode.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/maintenancelockforecast.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/objectlockforecast.cpp
    ${UAIP_FUZZ_CORE_DIR}/forecast/statementlockforecast.cpp
    ${UAIP_FUZZ_CORE_DIR}/ledger/migrationversion.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/alterrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/dmlrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/droprules.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/lintcontext.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/lockrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/scriptstatementrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/sqllinter.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/squawkrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/statementlinter.cpp
    ${UAIP_FUZZ_CORE_DIR}/lint/uncheckedstatementrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/copydatafinder.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/executedsql.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/expressiondepth.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/largestackworker.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/migrationdirectives.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/parserversion.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/parsetreenames.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/parsetreesearch.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/pgparsetree.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/pgtokens.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/protobufarena.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/pgtreewalk.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/scannerstatementspans.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/scripttrees.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/splitcache.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/plpgsqlstatements.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/plpgsqltree.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/plpgsqltreereader.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/sqlsplitter.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/sqlstatement.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/sqlsyntaxchecker.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/statementspans.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/textposition.cpp
    ${UAIP_FUZZ_CORE_DIR}/util/durationtext.cpp
    ${UAIP_FUZZ_CORE_DIR}/util/sharedslice.cpp
    ${UAIP_FUZZ_CORE_DIR}/util/visibletext.cpp)
