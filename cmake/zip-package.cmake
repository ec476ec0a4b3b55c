# Zips a folder of Office parts (templates/*/bulletin.docx.d) into the file Word and WPS open:
#   cmake -DSOURCE=templates/half-year/bulletin.docx.d -DOUTPUT=build/templates/half-year/bulletin.docx -P zip-package.cmake
# [Content_Types].xml first, the rest in name order, with a fixed time: the same parts always
# give the same bytes.
file(GLOB_RECURSE parts LIST_DIRECTORIES false RELATIVE "${SOURCE}" "${SOURCE}/*")
list(REMOVE_ITEM parts "[Content_Types].xml")
list(SORT parts)
get_filename_component(output_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${output_dir}")
execute_process(COMMAND "${CMAKE_COMMAND}" -E chdir "${SOURCE}"
                        "${CMAKE_COMMAND}" -E tar cf "${OUTPUT}.tmp" --format=zip --mtime=1980-01-01
                        "[Content_Types].xml" ${parts}
                RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "cannot zip ${SOURCE} into ${OUTPUT}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
