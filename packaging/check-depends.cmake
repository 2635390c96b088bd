# ctest packaging_depends: the .deb's Depends name the Debian package of every file the programs
# load at run time without linking it, which dpkg-shlibdeps cannot see: the QPSQL driver plugin
# (every Session opens through it) and Qt's own translations (qtbase_<lang>.qm). Without the
# plugin's package an installed uaip-admin fails with "QPSQL driver not loaded".
#   cmake -DCPACK_CONFIG=<build>/CPackConfig.cmake -DQTPATHS=<qtpaths> -DPLUGIN=<libqsqlpsql.so>
#         -P check-depends.cmake
cmake_minimum_required(VERSION 3.25)
include(${CPACK_CONFIG}) # CPACK_DEBIAN_PACKAGE_DEPENDS
execute_process(COMMAND ${QTPATHS} --query QT_INSTALL_TRANSLATIONS
                OUTPUT_VARIABLE translations OUTPUT_STRIP_TRAILING_WHITESPACE
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR translations STREQUAL "")
    message(FATAL_ERROR "${QTPATHS} --query QT_INSTALL_TRANSLATIONS failed (${rc})")
endif()
set(files ${PLUGIN} ${translations}/qtbase_de.qm)
string(REPLACE "," ";" depends "${CPACK_DEBIAN_PACKAGE_DEPENDS}")
set(named "")
foreach(entry IN LISTS depends)
    string(STRIP "${entry}" entry)
    string(REGEX REPLACE "[ (].*" "" entry "${entry}") # "pkg (>= 1)" -> "pkg"
    list(APPEND named ${entry})
endforeach()
foreach(file IN LISTS files)
    execute_process(COMMAND dpkg-query -S ${file} OUTPUT_VARIABLE owner ERROR_VARIABLE error
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${file}: no installed Debian package owns it: ${error}")
    endif()
    string(REGEX REPLACE "[:,].*" "" package "${owner}") # "libqt6sql6-psql:amd64: /usr/..."
    string(STRIP "${package}" package)
    if(NOT package IN_LIST named)
        message(FATAL_ERROR "${file} is loaded at run time, but its package ${package} is not in "
                            "the .deb's Depends (CPACK_DEBIAN_PACKAGE_DEPENDS in "
                            "packaging/packaging.cmake: \"${CPACK_DEBIAN_PACKAGE_DEPENDS}\")")
    endif()
    message(STATUS "${file}: ${package} is in Depends")
endforeach()
