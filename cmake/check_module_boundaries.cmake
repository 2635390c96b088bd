# Fails when the core's module graph is broken:
# - a file of app/core/<module> includes (#include, #include_next, #import) "<other>/..." or
#   <other/...> of a module <module> does not USE (app/core/CMakeLists.txt), climbs out of its
#   folder ("../", an absolute path), includes through a macro, or reads such a module's
#   statements (SqlResource::of("<other>", ...),
#   SqlResource::get("<other>/sql/....sql"), "<other>/sql/....sql", ":/sql/<other>/sql/....sql",
#   "qrc:/sql/<other>/sql/....sql");
# - a file names a module's statements in a way this check cannot read: SqlResource::of with a
#   module's name that is no literal, SqlResource::get with a path that does not start with a
#   literal "<module>/sql/" (the statement's name may be filled in at run time, the module not);
# - a folder of app/core is no module of the graph;
# - the arrows form a cycle.
# Every file of a module's folder is read, whatever its name (a .cpp may include x.inc, x.hpp,
# x.ipp, ...; not binary files, not CMake's own), as the compiler reads it
# (cmake/cpp_source_text.cmake): comments one blank (also between "#" and "include", and one
# over lines), %: as #, lines continued with "\" joined, escapes decoded, adjacent string
# literals joined. A path (an include's, a literal's) is read as Qt and the file system read it:
# "./" and "//" taken out, "x/../" too (":/sql/./x/sql/", ":/sql//x/sql/", ":/sql/y/../x/sql/"
# are ":/sql/x/sql/"). Each finding is named "<file>:<line>: <the line as read>".
# Not seen: text pasted by the preprocessor (##) or at run time.
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
    elseif(NOT IS_DIRECTORY ${ROOT}/app/core/${folder} AND NOT folder STREQUAL "CMakeLists.txt")
        string(APPEND found "\n  app/core/${folder}: a file in no module (every module may "
                            "include it)")
    endif()
endforeach()

# Whether <other> (a name read from a file of <module>) is a module <module> may not reach.
function(refused module other out)
    set(${out} FALSE PARENT_SCOPE)
    if(other IN_LIST modules AND NOT other STREQUAL module AND NOT other IN_LIST uses_${module})
        set(${out} TRUE PARENT_SCOPE)
    endif()
endfunction()

# The path as Qt's resources and the file system read it: "//" and "./" out, "<name>/../" out;
# ":/", "qrc:/" or "/" kept in front (no ".." climbs above it).
function(clean_path path out)
    set(root "")
    if(path MATCHES "^(((qrc)?:)?/)/*(.*)$")
        set(root "${CMAKE_MATCH_1}")
        set(path "${CMAKE_MATCH_4}")
    endif()
    string(REGEX REPLACE "//+" "/" path "${path}")
    set(previous "")
    while(NOT previous STREQUAL path)
        set(previous "${path}")
        string(REGEX REPLACE "(^|/)\\.(/|$)" "\\1" path "${path}")
        string(REGEX REPLACE "(^|/)([^/.][^/]*|\\.[^/.][^/]*|\\.\\.[^/]+)/\\.\\.(/|$)" "\\1"
                             path "${path}")
        if(NOT root STREQUAL "")
            string(REGEX REPLACE "^\\.\\.(/|$)" "" path "${path}")
        endif()
    endwhile()
    set(${out} "${root}${path}" PARENT_SCOPE)
endfunction()

# Names in found what the line (as read) of a file of <module> reaches that it may not; where is
# "<file>:<line>".
function(check_line module where line)
    # The paths in the line as read: every literal's path cleaned.
    set(read "${line}")
    if(line MATCHES "\\./|//")
        string(REGEX MATCHALL "\"([^\"\\\\]|\\\\.)*\"" literals "${line}")
        foreach(literal IN LISTS literals)
            if(literal MATCHES "\\./|//")
                string(REGEX REPLACE "^\"(.*)\"$" "\\1" path "${literal}")
                clean_path("${path}" path)
                string(REPLACE "${literal}" "\"${path}\"" read "${read}")
            endif()
        endforeach()
    endif()
    # Includes: "x" or <x>; a macro is refused (it hides the path).
    set(include "^#[ \t]*(include|include_next|import)")
    if(read MATCHES "${include}[ \t]*[\"<]([^\">]+)[\">]")
        clean_path("${CMAKE_MATCH_2}" path)
        if(path MATCHES "^(\\.\\./|/)")
            string(APPEND found "\n  ${where}: ${line} (climbs out of its folder)")
        elseif(path MATCHES "^([^/]+)/")
            refused(${module} ${CMAKE_MATCH_1} bad)
            if(bad)
                string(APPEND found "\n  ${where}: ${line} (${module} does not use "
                                    "${CMAKE_MATCH_1})")
            endif()
        endif()
    elseif(read MATCHES "${include}([^A-Za-z0-9_]|$)")
        string(APPEND found "\n  ${where}: ${line} (an include through a macro)")
    endif()
    if(where MATCHES "^app/core/db/sqlresource\\.")
        set(found "${found}" PARENT_SCOPE)
        return() # the definitions of of() and get()
    endif()
    # The statements of another module: SqlResource::of("<module>", ...) with the name a
    # literal, every one on the line.
    string(REGEX MATCHALL "SqlResource::of\\([^,)]*" calls "${read}")
    foreach(call IN LISTS calls)
        if(call MATCHES "^SqlResource::of\\(\"([a-z0-9_]+)\"[ \t]*$")
            refused(${module} ${CMAKE_MATCH_1} bad)
            if(bad)
                string(APPEND found "\n  ${where}: ${line} (${module} does not use "
                                    "${CMAKE_MATCH_1})")
            endif()
        else()
            string(APPEND found "\n  ${where}: ${line} (a module's name that is no literal in "
                                "SqlResource::of)")
        endif()
    endforeach()
    # SqlResource::get(path): the path starts with a literal "<module>/sql/" (its module is
    # read below; the statement's name may be filled in at run time, the module not).
    string(REGEX MATCHALL "SqlResource::get\\(" calls "${read}")
    string(REGEX MATCHALL
           "SqlResource::get\\(((QStringLiteral|QLatin1String)\\()?\"((qrc)?:/sql/)?[a-z0-9_]+/sql/"
           literal "${read}")
    list(LENGTH calls callCount)
    list(LENGTH literal literalCount)
    if(NOT callCount EQUAL literalCount)
        string(APPEND found "\n  ${where}: ${line} (a path that does not start with a literal "
                            "\"<module>/sql/\" in SqlResource::get)")
    endif()
    # "<module>/sql/..." and ":/sql/<module>/sql/..." paths, every one on the line.
    string(REGEX MATCHALL "\"((qrc)?:/sql/)?[a-z0-9_]+/sql/" paths "${read}")
    foreach(path IN LISTS paths)
        string(REGEX REPLACE "^\"((qrc)?:/sql/)?([a-z0-9_]+)/sql/$" "\\3" other "${path}")
        refused(${module} ${other} bad)
        if(bad)
            string(APPEND found "\n  ${where}: ${line} (${module} does not use ${other})")
        endif()
    endforeach()
    set(found "${found}" PARENT_SCOPE)
endfunction()

foreach(module IN LISTS modules)
    foreach(other IN LISTS uses_${module})
        if(NOT other IN_LIST modules)
            string(APPEND found "\n  ${module} uses ${other}, which is no module of the graph")
        endif()
    endforeach()
    uaip_source_files(sources ${ROOT} app/core/${module})
    foreach(file IN LISTS sources_binary)
        string(APPEND found "\n  ${file}: a NUL byte (binary to this check)")
    endforeach()
    foreach(file IN LISTS sources_links)
        string(APPEND found "\n  ${file}: a symbolic link (read under another folder's name)")
    endforeach()
    foreach(file IN LISTS sources)
        # Line by line, as the compiler reads the file (cmake/cpp_source_text.cmake); a call
        # broken after its "(" joined to its first argument (named on the line of the call).
        uaip_cpp_code(${ROOT}/${file} text)
        if(NOT text_unread STREQUAL "")
            string(APPEND found "\n  ${file}: a raw string this check cannot read:${text_unread}")
        endif()
        string(ASCII 2 semicolon)
        string(REPLACE "${semicolon}" "," text "${text}") # printed as before: "," for ";"
        string(REPLACE "\n" ";" lines "${text}")
        set(number 0)
        set(carried "")
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            string(STRIP "${line}" line)
            set(at ${number})
            if(NOT carried STREQUAL "")
                if(line STREQUAL "")
                    continue()
                endif()
                set(line "${carried}${line}")
                set(at ${carriedAt})
                set(carried "")
            endif()
            if(line MATCHES "SqlResource::(of|get)\\($")
                set(carried "${line}")
                set(carriedAt ${at})
                continue()
            endif()
            if(line MATCHES "#|SqlResource|sql/") # what check_line looks at
                check_line(${module} "${file}:${at}" "${line}")
            endif()
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
