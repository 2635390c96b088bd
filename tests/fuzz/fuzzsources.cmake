# The core sources fuzz_sqlsplitter.cpp needs, compiled into the fuzz target (clang, libFuzzer)
# and into fuzz_sqlsplitter_replay (every test build), so a list that misses a file fails to link
# in the everyday build and not only in CI's fuzz step.

get_filename_component(UAIP_FUZZ_CORE_DIR ${CMAKE_CURRENT_LIST_DIR}/../../app/core ABSOLUTE)
set(UAIP_FUZZ_SQLSPLITTER_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/fuzz_sqlsplitter.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/alterrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/copydatafinder.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/dmlrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/executedsql.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/expressiondepth.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/droprules.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/lintcontext.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/lockforecasttree.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/lockrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/migrationdirectives.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/migrationversion.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/parsetree.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/parsetreenames.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/parsetreesearch.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/plpgsqlstatements.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/scriptstatementrules.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/sqllinter.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/sqlsplitter.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/sqlsyntaxchecker.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/statementlinter.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/statementspans.cpp
    ${UAIP_FUZZ_CORE_DIR}/migrate/textposition.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/pgparsetree.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/pgtokens.cpp
    ${UAIP_FUZZ_CORE_DIR}/sqlparse/pgtreewalk.cpp
    ${UAIP_FUZZ_CORE_DIR}/util/durationtext.cpp
    ${UAIP_FUZZ_CORE_DIR}/util/sharedslice.cpp)
