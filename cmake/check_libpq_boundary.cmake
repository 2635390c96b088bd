# Fails when product code outside app/core/db names libpq: its header, a PQ* call, or one of
# its status constants; or sends a script of several statements (PgConnection::execScript,
# the tests' fixtures' way). Run by the target uaip_libpq_boundary on every build:
#   cmake -DROOT=<source dir> -P cmake/check_libpq_boundary.cmake
# Tests and benchmarks may drive libpq themselves (a victim session, a hostile client); the
# product's own code reaches the server only through the layer.
cmake_minimum_required(VERSION 3.25)
if(NOT ROOT)
    message(FATAL_ERROR "check_libpq_boundary: pass -DROOT=<source dir>")
endif()
file(GLOB_RECURSE sources RELATIVE ${ROOT}
     ${ROOT}/app/*.cpp ${ROOT}/app/*.h ${ROOT}/ui/*.cpp ${ROOT}/ui/*.h)
set(pattern "execScript[ \t]*\\(|libpq-fe\\.h|(^|[^A-Za-z0-9_])PQ[a-z][A-Za-z]*[ \t]*\\(|PGRES_|PQTRANS_|CONNECTION_(OK|BAD)|PQconninfoOption|PGnotify")
set(found "")
foreach(file IN LISTS sources)
    if(file MATCHES "^app/core/db/")
        continue()
    endif()
    file(STRINGS ${ROOT}/${file} lines REGEX "${pattern}")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        if(line MATCHES "^//")
            continue()
        endif()
        string(APPEND found "\n  ${file}: ${line}")
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "libpq is used outside app/core/db (go through PgConnection/PgResult/"
                        "ConnInfo there):${found}")
endif()
