# uaip_core_module(<name> [NO_PCH] [USES <module>...] [PUBLIC_LIBS <lib>...]
#                  [PRIVATE_LIBS <lib>...] [SYSTEM_INCLUDES <dir>...])
# The library uaip_<name> of the folder app/core/<name>: its .cpp/.h files, its sql/*.sql as
# Qt resources under :/sql/<name>/sql/, and PUBLIC links to uaip_<module> for each module it
# USES (its arrows in the module graph). Headers are included as "<module>/<file>.h".
# uaip_core_modules_done() then makes uaip_core (every module), writes the graph to
# <build>/uaip_module_graph.txt and adds the build check of cmake/check_module_boundaries.cmake.
# NO_PCH: the module does not share uaip_db's precompiled header (a module uaip_db uses).
function(uaip_core_module name)
    cmake_parse_arguments(ARG "NO_PCH" "" "USES;PUBLIC_LIBS;PRIVATE_LIBS;SYSTEM_INCLUDES" ${ARGN})
    set(dir ${CMAKE_CURRENT_SOURCE_DIR}/${name})
    # Every module returns the one error type: each uses error (error itself uses nothing).
    if(NOT name STREQUAL "error" AND NOT "error" IN_LIST ARG_USES)
        list(APPEND ARG_USES error)
    endif()
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.cpp ${dir}/*.h)
    file(GLOB_RECURSE sql CONFIGURE_DEPENDS RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${dir}/*.sql)
    set(target uaip_${name})
    add_library(${target} ${UAIP_LIBRARY_TYPE} ${sources})
    if(sql)
        qt_add_resources(${target} "${name}_sql" PREFIX "/sql"
                         BASE ${CMAKE_CURRENT_SOURCE_DIR} FILES ${sql})
    endif()
    target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
    if(ARG_SYSTEM_INCLUDES)
        target_include_directories(${target} SYSTEM PRIVATE ${ARG_SYSTEM_INCLUDES})
    endif()
    set(uses "")
    foreach(module IN LISTS ARG_USES)
        list(APPEND uses uaip_${module})
    endforeach()
    target_link_libraries(${target}
        PUBLIC ${uses} Qt6::Core Qt6::Sql ${ARG_PUBLIC_LIBS}
        PRIVATE ${ARG_PRIVATE_LIBS} uaip_warnings)
    # A shared module defines or links every symbol it uses: a call into a module not in USES
    # (declared by hand, its header not included, so the include check sees nothing) fails the
    # link instead of being resolved by whatever else a binary loads.
    if(UAIP_LIBRARY_TYPE STREQUAL "SHARED")
        target_link_options(${target} PRIVATE "LINKER:--no-undefined")
    endif()
    # One folder for every module's library: the binaries' rpath names it once.
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY
                                               ${PROJECT_BINARY_DIR}/app/core)
    # The modules share uaip_db's precompiled header: the same flags, so no <target>_EXPORTS
    # (nothing uses it; symbols are visible by default).
    set_target_properties(${target} PROPERTIES DEFINE_SYMBOL "")
    if(NOT ARG_NO_PCH)
        uaip_precompile(TARGET ${target} REUSE uaip_db)
    endif()
    uaip_unity(${target})
    set_property(GLOBAL APPEND PROPERTY UAIP_CORE_MODULES ${name})
    list(JOIN ARG_USES " " arrows)
    set_property(GLOBAL APPEND PROPERTY UAIP_CORE_GRAPH "${name}: ${arrows}")
endfunction()

function(uaip_core_modules_done)
    get_property(modules GLOBAL PROPERTY UAIP_CORE_MODULES)
    get_property(graph GLOBAL PROPERTY UAIP_CORE_GRAPH)
    set(targets "")
    foreach(module IN LISTS modules)
        list(APPEND targets uaip_${module})
    endforeach()
    add_library(uaip_core INTERFACE)
    target_link_libraries(uaip_core INTERFACE uaip_db ${targets})
    # Every module loaded, also one whose symbols a binary does not name: its statements
    # (:/sql/...) register when it loads (Debian's gcc links --as-needed unless sanitizing).
    if(UAIP_LIBRARY_TYPE STREQUAL "SHARED")
        target_link_options(uaip_core INTERFACE "LINKER:--no-as-needed")
    endif()
    list(JOIN graph "\n" text)
    set(file ${PROJECT_BINARY_DIR}/uaip_module_graph.txt)
    file(WRITE ${file} "db: error\n${text}\n")
    add_custom_target(uaip_module_boundaries ALL
        COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR} -DGRAPH=${file}
                -P ${PROJECT_SOURCE_DIR}/cmake/check_module_boundaries.cmake
        COMMENT "each core module includes only the modules it names"
        VERBATIM)
    foreach(target IN LISTS targets)
        add_dependencies(${target} uaip_module_boundaries)
    endforeach()
endfunction()
