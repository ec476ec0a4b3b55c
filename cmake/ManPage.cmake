# Writes one man page from a tool's --help (cmake -P, called by Packaging.cmake):
#   cmake -DHELP2MAN=... -DTOOL=... -DOUTPUT=... -DVERSION=... -DTEMPLATES=... -P ManPage.cmake
# help2man runs under a UTF-8 locale (else the Chinese in the help becomes "?") and in English
# (LANGUAGE unset: it would choose the language of messages over LC_ALL=C.UTF-8), with the
# templates folder set to the installed one (so no build path is written into the page), and
# the examples are kept one per line (help2man would fill them into one paragraph).
#
# A page in another language: -DMAN_LOCALE=zh_CN.UTF-8 -DMAN_LANGUAGE=zh_CN -DINCLUDES=a.h2m;b.h2m
# The tool's --help is taken under that locale (the tool's own translation, English until it
# has one), its headings are written the way help2man's translation of that language looks for
# them (用法:, 选项:, 示例:), and help2man, run under the same locale so that its section names
# are that language's (名称, 描述, 选项, 示例, 参见), reads it from a stand-in program of the
# tool's name; the include files add the sections written in that language.
if(DEFINED MAN_LOCALE)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LANGUAGE=${MAN_LANGUAGE} LC_ALL=${MAN_LOCALE} LANG=${MAN_LOCALE}
            CASESTAT_TEMPLATES=${TEMPLATES} ${TOOL} --help
    OUTPUT_VARIABLE help ERROR_VARIABLE help RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${TOOL} --help failed under ${MAN_LOCALE} (${status})")
  endif()
  # help2man's zh_CN catalog matches "用法", "选项" and "示例" with an ASCII colon only.
  set(help "\n${help}")
  string(REGEX REPLACE "\n(Usage|用法)(:|：) *" "\n用法: " help "${help}")
  string(REGEX REPLACE "\n(Options|选项)(:|：) *\n" "\n选项:\n" help "${help}")
  string(REGEX REPLACE "\n(Examples|示例|例子)(:|：) *\n" "\n示例:\n" help "${help}")
  string(SUBSTRING "${help}" 1 -1 help)
  get_filename_component(name ${TOOL} NAME)
  set(stand_in_dir ${OUTPUT}.d)
  file(MAKE_DIRECTORY ${stand_in_dir})
  file(WRITE ${stand_in_dir}/help.txt "${help}")
  file(WRITE ${stand_in_dir}/${name} "#!/bin/sh\nexec cat '${stand_in_dir}/help.txt'\n")
  file(CHMOD ${stand_in_dir}/${name} PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
  set(include_options "")
  foreach(include IN LISTS INCLUDES)
    list(APPEND include_options --include=${include})
  endforeach()
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=${MAN_LOCALE}
            ${HELP2MAN} --locale=${MAN_LOCALE} --no-info --no-discard-stderr --section=1 --source=casestat
            --version-string=${VERSION} ${include_options} --output=${OUTPUT}.tmp ${stand_in_dir}/${name}
    RESULT_VARIABLE status)
  file(REMOVE_RECURSE ${stand_in_dir})
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "help2man failed on ${TOOL} under ${MAN_LOCALE} (${status})")
  endif()
else()
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env --unset=LANGUAGE LC_ALL=C.UTF-8 CASESTAT_TEMPLATES=${TEMPLATES}
            ${HELP2MAN} --locale=C.UTF-8 --no-info --no-discard-stderr --section=1 --source=casestat
            --version-string=${VERSION} --output=${OUTPUT}.tmp ${TOOL}
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "help2man failed on ${TOOL} (${status})")
  endif()
endif()
file(READ ${OUTPUT}.tmp page)
set(heading "\n.SH EXAMPLES\n.IP\n")
string(FIND "${page}" "${heading}" at)
if(at GREATER -1)
  string(LENGTH "${heading}" heading_length)
  math(EXPR body_at "${at} + ${heading_length}")
  string(SUBSTRING "${page}" 0 ${at} before)
  string(SUBSTRING "${page}" ${body_at} -1 body)
  string(FIND "${body}" "\n.SH " next)
  set(after "")
  if(next GREATER -1)
    string(SUBSTRING "${body}" ${next} -1 after)
    string(SUBSTRING "${body}" 0 ${next} body)
  endif()
  string(STRIP "${body}" body)
  if(after STREQUAL "")
    set(after "\n")
  endif()
  set(page "${before}\n.SH EXAMPLES\n.RS\n.nf\n${body}\n.fi\n.RE${after}")
endif()
file(WRITE ${OUTPUT} "${page}")
file(REMOVE ${OUTPUT}.tmp)
