# Fails when the project's code or build compiles differently by build type: a preprocessor
# test of NDEBUG, QT_DEBUG, QT_NO_DEBUG or _DEBUG in app/, ui/ or tests/, or a CMake file of the
# project that tests CMAKE_BUILD_TYPE or uses $<CONFIG...>. With none, a Debug build compiles
# the same code as CI's optimised sanitizer build (where Q_ASSERT is kept, QT_FORCE_ASSERTS),
# so CI builds once, and a Debug-only compile error cannot exist. Run by the target
# uaip_build_type_neutral on every build:
#   cmake -DROOT=<source dir> -P cmake/check_build_type_neutral.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT ROOT)
    message(FATAL_ERROR "check_build_type_neutral: pass -DROOT=<source dir>")
endif()
file(GLOB_RECURSE sources RELATIVE ${ROOT}
     ${ROOT}/app/*.cpp ${ROOT}/app/*.h ${ROOT}/ui/*.cpp ${ROOT}/ui/*.h
     ${ROOT}/tests/*.cpp ${ROOT}/tests/*.h)
file(GLOB_RECURSE builds RELATIVE ${ROOT}
     ${ROOT}/CMakeLists.txt ${ROOT}/app/CMakeLists.txt ${ROOT}/app/*/CMakeLists.txt
     ${ROOT}/app/*.cmake ${ROOT}/ui/CMakeLists.txt ${ROOT}/tests/CMakeLists.txt
     ${ROOT}/tests/*/CMakeLists.txt ${ROOT}/cmake/*.cmake)
set(code "^[ \t]*#[ \t]*(if|ifdef|ifndef|elif)[^\n]*(NDEBUG|QT_DEBUG|QT_NO_DEBUG|_DEBUG)")
set(build "CMAKE_BUILD_TYPE[ \t]*(STREQUAL|MATCHES|EQUAL)|\\$<CONFIG|\\$<\\$<CONFIG")
set(found "")
foreach(file IN LISTS sources builds)
    if(file MATCHES "^tests/(boundary|fuzz)/" OR file STREQUAL "cmake/check_build_type_neutral.cmake")
        continue()
    endif()
    if(file MATCHES "\\.(cpp|h)$")
        file(STRINGS ${ROOT}/${file} lines REGEX "${code}")
    else()
        file(STRINGS ${ROOT}/${file} lines REGEX "${build}")
    endif()
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        string(APPEND found "\n  ${file}: ${line}")
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "code or build that differs by build type (CI compiles one build type; "
                        "make it the same in every build):${found}")
endif()
