# Writes one man page from a tool's --help (cmake -P, called by Packaging.cmake):
#   cmake -DHELP2MAN=... -DTOOL=... -DOUTPUT=... -DVERSION=... -DTEMPLATES=... -P ManPage.cmake
# help2man runs under a UTF-8 locale (else the Chinese in the help becomes "?") and in English
# (LANGUAGE unset: it would choose the language of messages over LC_ALL=C.UTF-8), with the
# templates folder set to the installed one (so no build path is written into the page), and
# the examples are kept one per line (help2man would fill them into one paragraph).
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env --unset=LANGUAGE LC_ALL=C.UTF-8 CASESTAT_TEMPLATES=${TEMPLATES}
          ${HELP2MAN} --locale=C.UTF-8 --no-info --no-discard-stderr --section=1 --source=casestat
          --version-string=${VERSION} --output=${OUTPUT}.tmp ${TOOL}
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed on ${TOOL} (${status})")
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
