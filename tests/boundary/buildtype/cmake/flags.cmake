# A planted violation for boundary_refuses_buildtype: flags that differ by build type.
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
    add_compile_definitions(ONLY_IN_DEBUG)
endif()
