# Installation and the Debian package.
#
#   cmake --install build --prefix /usr/local     tools in bin/, the rest in share/casestat/
#   cmake --build build --target deb              build/casestat_VERSION_ARCH.deb
#
# The tools find their templates in share/casestat/templates beside bin/ (src/core/paths.cpp),
# and Makefile.inc finds the installed tools on PATH and the templates beside itself.

install(FILES Makefile.inc DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat)
# The upper office's scripts for a store shared by a province (README, "One store for a province").
install(DIRECTORY postgres/ DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat/postgres)
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat/templates
        PATTERN "*.docx.d" EXCLUDE PATTERN "*.xlsx.d" EXCLUDE)

# The default Word bulletins, kept in the repository as folders of XML parts (reviewable as
# text), zipped at build time into the .docx an office opens in WPS or Word. Tools run from
# the source tree read the folders themselves (src/render/office_zip.hpp).
file(GLOB CASESTAT_PACKAGE_FOLDERS LIST_DIRECTORIES true CONFIGURE_DEPENDS
     "${CMAKE_SOURCE_DIR}/templates/*/*.docx.d" "${CMAKE_SOURCE_DIR}/templates/*/*.xlsx.d")
set(CASESTAT_PACKAGES "")
foreach(folder IN LISTS CASESTAT_PACKAGE_FOLDERS)
  file(RELATIVE_PATH relative "${CMAKE_SOURCE_DIR}/templates" "${folder}")
  string(REGEX REPLACE "\\.d$" "" relative "${relative}")
  set(package "${CMAKE_BINARY_DIR}/templates/${relative}")
  file(GLOB_RECURSE parts CONFIGURE_DEPENDS "${folder}/*")
  add_custom_command(OUTPUT "${package}"
                     COMMAND "${CMAKE_COMMAND}" -DSOURCE=${folder} -DOUTPUT=${package}
                             -P "${CMAKE_SOURCE_DIR}/cmake/zip-package.cmake"
                     DEPENDS ${parts} "${CMAKE_SOURCE_DIR}/cmake/zip-package.cmake"
                     COMMENT "Zipping templates/${relative}")
  get_filename_component(destination "${relative}" DIRECTORY)
  install(FILES "${package}" DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat/templates/${destination})
  list(APPEND CASESTAT_PACKAGES "${package}")
endforeach()
add_custom_target(templates ALL DEPENDS ${CASESTAT_PACKAGES})
install(DIRECTORY sample-data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/casestat/sample-data)
install(FILES README.md README.zh-CN.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# A man page for every tool, made from its --help by help2man at build time (Debian package
# help2man). Without help2man the build goes on and the package has no man pages.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(man_pages "")
  set(zh_man_pages "")
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
  install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

  # The Chinese pages (share/man/zh_CN/man1): help2man under zh_CN.UTF-8, from the tool's --help
  # in that locale, with the sections written in Chinese in doc/man/zh_CN/ (what each tool is
  # for, in a clerk's words, the examples explained, exit codes, environment). help2man's section
  # names and the tool's messages need the locale itself (Debian package locales, zh_CN.UTF-8
  # generated: .ci/install-deps does it); without it the build goes on without these pages.
  execute_process(COMMAND locale -a OUTPUT_VARIABLE locales ERROR_QUIET)
  string(TOLOWER "${locales}" locales)
  if(locales MATCHES "(^|\n)zh_cn\.utf-?8(\n|$)")
    set(zh_dir "${CMAKE_SOURCE_DIR}/doc/man/zh_CN")
    foreach(tool IN LISTS CASESTAT_TOOLS)
      set(page "${CMAKE_BINARY_DIR}/man/zh_CN/${tool}.1")
      set(includes "${zh_dir}/${tool}.h2m" "${zh_dir}/common.h2m")
      if(NOT EXISTS "${zh_dir}/${tool}.h2m")
        message(FATAL_ERROR "doc/man/zh_CN/${tool}.h2m is missing: every tool's Chinese man page has "
                            "its 名称, 描述, 示例 and 参见 written there (see the other tools' files)")
      endif()
      string(REPLACE ";" "\\;" includes_arg "${includes}")
      add_custom_command(OUTPUT ${page}
        COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man/zh_CN"
        COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN} -DTOOL=$<TARGET_FILE:${tool}> -DOUTPUT=${page}
                -DVERSION=${PROJECT_VERSION} -DTEMPLATES=${CMAKE_INSTALL_FULL_DATADIR}/casestat/templates
                -DMAN_LOCALE=zh_CN.UTF-8 -DMAN_LANGUAGE=zh_CN "-DINCLUDES=${includes_arg}"
                -P ${CMAKE_CURRENT_LIST_DIR}/ManPage.cmake
        DEPENDS ${tool} ${CMAKE_CURRENT_LIST_DIR}/ManPage.cmake ${includes}
        COMMENT "Writing the Chinese man page of ${tool}")
      list(APPEND zh_man_pages ${page})
    endforeach()
    install(FILES ${zh_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/zh_CN/man1)
  else()
    message(STATUS "the zh_CN.UTF-8 locale is not generated (Debian package locales): no Chinese man pages")
  endif()
  add_custom_target(man ALL DEPENDS ${man_pages} ${zh_man_pages})
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
