# Fails when the core's module graph is broken:
# - a file of app/core/<module> includes "<other>/..." or <other/...> of a module <module> does
#   not USE (app/core/CMakeLists.txt), climbs out of its folder ("../"), includes through a
#   macro, or reads such a module's statements (SqlResource::of("<other>", ...),
#   SqlResource::get("<other>/sql/....sql"), "<other>/sql/....sql", ":/sql/<other>/sql/....sql");
# - a file names a module's statements in a way this check cannot read: SqlResource::of with a
#   module's name that is no literal, SqlResource::get with a path that does not start with a
#   literal "<module>/sql/" (the statement's name may be filled in at run time, the module not);
# - a folder of app/core is no module of the graph;
# - the arrows form a cycle.
# Each file is read as the compiler reads it (cmake/cpp_source_text.cmake): comments taken out
# (also between "#" and "include"), lines continued with "\" joined, adjacent string literals
# joined. Not seen: text pasted by the preprocessor (##) or at run time.
# Run by the target uaip_module_boundaries on every build:
#   cmake -DROOT=<source dir> -DGRAPH=<build>/uaip_module_graph.txt
#         -P cmake/check_module_boundaries.cmake
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/cpp_source_text.cmake)
if(NOT ROOT OR NOT GRAPH)
    message(FATAL_ERROR "check_module_boundaries: pass -DROOT=<source dir> -DGRAPH=<graph file>")
endif()
get_filename_component(ROOT ${ROOT} ABSOLUTE)
file(STRINGS ${GRAPH} lines)
set(modules "")
foreach(line IN LISTS lines)
    if(NOT line MATCHES "^([a-z0-9_]+):(.*)$")
        continue()
    endif()
    set(module ${CMAKE_MATCH_1})
    string(STRIP "${CMAKE_MATCH_2}" uses)
    separate_arguments(uses UNIX_COMMAND "${uses}")
    list(APPEND modules ${module})
    set(uses_${module} ${uses})
endforeach()

set(found "")
file(GLOB folders LIST_DIRECTORIES true RELATIVE ${ROOT}/app/core ${ROOT}/app/core/*)
foreach(folder IN LISTS folders)
    if(IS_DIRECTORY ${ROOT}/app/core/${folder} AND NOT folder IN_LIST modules)
        string(APPEND found "\n  app/core/${folder}: a folder that is no module of the graph")
    endif()
endforeach()

# Whether <other> (a name read from a file of <module>) is a module <module> may not reach.
function(refused module other out)
    set(${out} FALSE PARENT_SCOPE)
    if(other IN_LIST modules AND NOT other STREQUAL module AND NOT other IN_LIST uses_${module})
        set(${out} TRUE PARENT_SCOPE)
    endif()
endfunction()

foreach(module IN LISTS modules)
    foreach(other IN LISTS uses_${module})
        if(NOT other IN_LIST modules)
            string(APPEND found "\n  ${module} uses ${other}, which is no module of the graph")
        endif()
    endforeach()
    file(GLOB_RECURSE sources RELATIVE ${ROOT}
         ${ROOT}/app/core/${module}/*.cpp ${ROOT}/app/core/${module}/*.h)
    foreach(file IN LISTS sources)
        # Line by line, as the compiler reads the file: comments out, continued lines joined,
        # adjacent literals joined (cmake/cpp_source_text.cmake); a call broken after its "("
        # joined to its first argument.
        uaip_cpp_code(${ROOT}/${file} text)
        string(REGEX REPLACE "SqlResource::(of|get)\\([ \t\n]+" "SqlResource::\\1(" text
                             "${text}")
        string(REPLACE "\n" ";" lines "${text}")
        foreach(line IN LISTS lines)
            string(STRIP "${line}" line)
            # Includes: "x" or <x>, after any "./"; a macro is refused (it hides the path).
            if(line MATCHES "^#[ \t]*include[ \t]*[\"<]([^\">]+)[\">]")
                set(path ${CMAKE_MATCH_1})
                string(REGEX REPLACE "^(\\./)+" "" path "${path}")
                if(path MATCHES "(^|/)\\.\\./")
                    string(APPEND found "\n  ${file}: ${line} (climbs out of its folder)")
                elseif(path MATCHES "^([^/]+)/")
                    refused(${module} ${CMAKE_MATCH_1} bad)
                    if(bad)
                        string(APPEND found "\n  ${file}: ${line} (${module} does not use "
                                            "${CMAKE_MATCH_1})")
                    endif()
                endif()
            elseif(line MATCHES "^#[ \t]*include")
                string(APPEND found "\n  ${file}: ${line} (an include through a macro)")
            endif()
            if(file MATCHES "^app/core/db/sqlresource\\.")
                continue() # the definitions of of() and get()
            endif()
            # The statements of another module: SqlResource::of("<module>", ...) with the name
            # a literal, every one on the line.
            string(REGEX MATCHALL "SqlResource::of\\([^,)]*" calls "${line}")
            foreach(call IN LISTS calls)
                if(call MATCHES "^SqlResource::of\\(\"([a-z0-9_]+)\"[ \t]*$")
                    refused(${module} ${CMAKE_MATCH_1} bad)
                    if(bad)
                        string(APPEND found "\n  ${file}: ${line} (${module} does not use "
                                            "${CMAKE_MATCH_1})")
                    endif()
                else()
                    string(APPEND found "\n  ${file}: ${line} (a module's name that is no "
                                        "literal in SqlResource::of)")
                endif()
            endforeach()
            # SqlResource::get(path): the path starts with a literal "<module>/sql/" (its module
            # is read below; the statement's name may be filled in at run time, the module not).
            string(REGEX MATCHALL "SqlResource::get\\(" calls "${line}")
            string(REGEX MATCHALL
                   "SqlResource::get\\(((QStringLiteral|QLatin1String)\\()?\"(:/sql/)?[a-z0-9_]+/sql/"
                   literal "${line}")
            list(LENGTH calls callCount)
            list(LENGTH literal literalCount)
            if(NOT callCount EQUAL literalCount)
                string(APPEND found "\n  ${file}: ${line} (a path that does not start with a "
                                    "literal \"<module>/sql/\" in SqlResource::get)")
            endif()
            # "<module>/sql/..." and ":/sql/<module>/sql/..." paths, every one on the line.
            string(REGEX MATCHALL "\"(:/sql/)?[a-z0-9_]+/sql/" paths "${line}")
            foreach(path IN LISTS paths)
                string(REGEX REPLACE "^\"(:/sql/)?([a-z0-9_]+)/sql/$" "\\2" other "${path}")
                refused(${module} ${other} bad)
                if(bad)
                    string(APPEND found "\n  ${file}: ${line} (${module} does not use ${other})")
                endif()
            endforeach()
        endforeach()
    endforeach()
endforeach()

# Kahn: take away every module whose arrows all point at modules taken already.
set(left ${modules})
set(done "")
set(progress TRUE)
while(progress)
    set(progress FALSE)
    foreach(module IN LISTS left)
        set(ready TRUE)
        foreach(other IN LISTS uses_${module})
            if(NOT other IN_LIST done)
                set(ready FALSE)
            endif()
        endforeach()
        if(ready)
            list(APPEND done ${module})
            list(REMOVE_ITEM left ${module})
            set(progress TRUE)
        endif()
    endforeach()
endwhile()
if(left)
    list(JOIN left " " names)
    string(APPEND found "\n  a cycle among the modules: ${names}")
endif()

if(found)
    message(FATAL_ERROR "the core's module graph is broken (app/core/CMakeLists.txt names "
                        "each module's arrows):${found}")
endif()
