# Installation and the Debian package.
#
#   cmake --install build --prefix /usr/local     tools in bin/, the rest in share/casestat/
#   cmake --build build --target deb              build/casestat_VERSION_ARCH.deb
#
# The tools find their templates in share/casestat/templates beside bin/ (src/core/paths.cpp),
# and Makefile.inc finds the installed tools on PATH and the templates beside itself.

install(FILES Makefile.inc DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat)
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat/templates)
install(DIRECTORY sample-data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat/sample-data)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# A man page for every tool, made from its --help by help2man at build time (Debian package
# help2man). Without help2man the build goes on and the package has no man pages.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_pages "")
  foreach(tool IN LISTS CASESTAT_TOOLS)
    set(page "${CMAKE_BINARY_DIR}/man/${tool}.1")
    add_custom_command(OUTPUT ${page}
      COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
      COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN} -DTOOL=$<TARGET_FILE:${tool}> -DOUTPUT=${page}
              -DVERSION=${PROJECT_VERSION} -DTEMPLATES=${CMAKE_INSTALL_FULL_DATADIR}/casestat/templates
              -P ${CMAKE_CURRENT_LIST_DIR}/ManPage.cmake
      DEPENDS ${tool} ${CMAKE_CURRENT_LIST_DIR}/ManPage.cmake
      COMMENT "Writing the man page of ${tool}")
    list(APPEND man_pages ${page})
  endforeach()
  add_custom_target(man ALL DEPENDS ${man_pages})
  install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found (Debian package help2man): no man pages")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME casestat)
set(CPACK_PACKAGE_VENDOR "casestat")
set(CPACK_PACKAGE_CONTACT "casestat maintainers <casestat@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# The shared libraries' packages (libxlsxwriter4, libsqlite3-0, ...) are found by dpkg-shlibdeps;
# Makefile.inc needs make and flock (util-linux).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "make, util-linux")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pandoc")
include(CPack)

add_custom_target(deb
  COMMAND ${CMAKE_CPACK_COMMAND} --config "${CMAKE_BINARY_DIR}/CPackConfig.cmake" -B "${CMAKE_BINARY_DIR}"
  WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
  COMMENT "Building the Debian package"
  USES_TERMINAL)
