# layers.cmake — the include gate between the layers of src/core (see docs/design.md, "Layers").
#
#   base   leaves (geometry, paths, serialisation, files, diagnostics): include nothing of ours above
#   level  the Level model, its loader, compiler and checks: base and level only
#   sim    the tick and everything it drives: base, sim and the level's public headers level.h and
#          level_doc.h (the files as text, for the editor);
#          never the loader's private headers (level_load.h, jsonpos.h) nor cJSON
#   every file in src/core: never SDL
#
# Included by CMakeLists.txt at configure time (a violation stops the configure), and runnable on
# any tree for tests:  cmake -DSTARDUST_CORE_DIR=<dir with base/ level/ sim/> -P cmake/layers.cmake
# It reports every violation as file:line and fails after the last.

cmake_policy(PUSH)
cmake_policy(SET CMP0057 NEW) # if(IN_LIST), also when run as a script

if(NOT STARDUST_CORE_DIR)
  set(STARDUST_CORE_DIR ${CMAKE_CURRENT_LIST_DIR}/../src/core)
endif()
get_filename_component(_core ${STARDUST_CORE_DIR} ABSOLUTE)

set(_layers base level sim)
set(_level_private level_load.h jsonpos.h)
foreach(layer ${_layers})
  file(GLOB _h RELATIVE ${_core}/${layer} ${_core}/${layer}/*.h)
  set(_headers_${layer} ${_h})
endforeach()
# What each layer may include of ours.
set(_allowed_base ${_headers_base})
set(_allowed_level ${_headers_base} ${_headers_level})
set(_allowed_sim ${_headers_base} ${_headers_sim} level.h level_doc.h)

set(_violations "")
file(GLOB _stray ${_core}/*.c ${_core}/*.h)
foreach(f ${_stray})
  string(APPEND _violations "${f}: belongs in a layer (base/, level/ or sim/)\n")
endforeach()
foreach(layer ${_layers})
  file(GLOB _files ${_core}/${layer}/*.c ${_core}/${layer}/*.h)
  foreach(f ${_files})
    # One list element a line: ';' and brackets would split or join CMake list elements.
    file(READ ${f} _text)
    string(REGEX REPLACE "[][;]" "_" _text "${_text}")
    string(REPLACE "\n" ";" _lines "${_text}")
    set(_n 0)
    foreach(line IN LISTS _lines)
      math(EXPR _n "${_n} + 1")
      if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
        continue()
      endif()
      set(inc ${CMAKE_MATCH_1})
      if(inc MATCHES "^SDL")
        string(APPEND _violations "${f}:${_n}: includes ${inc}: src/core never includes SDL\n")
      elseif(inc MATCHES "^cjson/")
        if(NOT layer STREQUAL "level")
          string(APPEND _violations "${f}:${_n}: includes ${inc}: only the level loader parses JSON with cJSON\n")
        endif()
      elseif(line MATCHES "\"")
        list(FIND _allowed_${layer} ${inc} _ok)
        if(_ok EQUAL -1)
          list(FIND _level_private ${inc} _private)
          if(NOT _private EQUAL -1)
            set(_why "the loader's private header")
          elseif(inc IN_LIST _headers_sim)
            set(_why "a sim header, above the ${layer} layer")
          elseif(inc IN_LIST _headers_level)
            set(_why "a level header, above the ${layer} layer")
          else()
            set(_why "not a header of the ${layer} layer or below")
          endif()
          string(APPEND _violations "${f}:${_n}: ${layer} may not include \"${inc}\" (${_why})\n")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

cmake_policy(POP)
if(_violations)
  message(NOTICE "${_violations}") # unwrapped, one violation a line
  message(FATAL_ERROR "src/core breaks its layering (see docs/design.md, \"Layers\"): the lines above")
endif()
