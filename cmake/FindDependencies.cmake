# Finds libclang (17 or newer, newest first), cJSON and threads; cmocka is found by tests/.
# Each failure names the Debian package that provides what is missing.
find_package(Threads REQUIRED)

# --- libclang ---
set(_dt_llvm_prefixes)
if(LIBCLANG_ROOT)
  list(APPEND _dt_llvm_prefixes "${LIBCLANG_ROOT}")
endif()
foreach(v 22 21 20 19 18 17)
  list(APPEND _dt_llvm_prefixes "/usr/lib/llvm-${v}" "/usr/local/opt/llvm@${v}")
endforeach()
list(APPEND _dt_llvm_prefixes "/usr/lib/llvm" "/usr/local/opt/llvm" "/usr")

set(_dt_found_prefix "")
foreach(p IN LISTS _dt_llvm_prefixes)
  if(EXISTS "${p}/include/clang-c/Index.h")
    set(_dt_found_prefix "${p}")
    break()
  endif()
endforeach()
if(NOT _dt_found_prefix)
  message(FATAL_ERROR "drvtaint: libclang headers (clang-c/Index.h) not found. "
    "Install libclang-19-dev (Debian: apt-get install libclang-19-dev), "
    "or pass -DLIBCLANG_ROOT=/path/to/llvm (17 or newer).")
endif()
find_library(LIBCLANG_LIBRARY NAMES clang libclang
  PATHS "${_dt_found_prefix}/lib" NO_DEFAULT_PATH)
if(NOT LIBCLANG_LIBRARY)
  message(FATAL_ERROR "drvtaint: found ${_dt_found_prefix}/include/clang-c/Index.h "
    "but no libclang library in ${_dt_found_prefix}/lib. Install libclang-19-dev.")
endif()

# 17 added the operator-kind queries the front end needs.
include(CheckSymbolExists)
set(CMAKE_REQUIRED_INCLUDES "${_dt_found_prefix}/include")
set(CMAKE_REQUIRED_LIBRARIES "${LIBCLANG_LIBRARY}")
check_symbol_exists(clang_getCursorBinaryOperatorKind "clang-c/Index.h" DT_HAVE_BINOP_KIND)
unset(CMAKE_REQUIRED_INCLUDES)
unset(CMAKE_REQUIRED_LIBRARIES)
if(NOT DT_HAVE_BINOP_KIND)
  message(FATAL_ERROR "drvtaint: libclang in ${_dt_found_prefix} is older than 17 "
    "(no clang_getCursorBinaryOperatorKind). Install libclang-19-dev and/or pass "
    "-DLIBCLANG_ROOT=/usr/lib/llvm-19.")
endif()
string(REGEX MATCH "llvm-([0-9]+)" _m "${_dt_found_prefix}")
set(LIBCLANG_VERSION "${CMAKE_MATCH_1}")
if(NOT LIBCLANG_VERSION)
  set(LIBCLANG_VERSION "unknown")
endif()
# libclang finds clang's own headers (stddef.h, limits.h) relative to where the library
# lives, which is not always the LLVM prefix (Debian installs it in the multiarch dir).
file(GLOB _dt_resource_dirs "${_dt_found_prefix}/lib/clang/*")
set(LIBCLANG_RESOURCE_DIR "")
foreach(d IN LISTS _dt_resource_dirs)
  if(EXISTS "${d}/include/stddef.h")
    set(LIBCLANG_RESOURCE_DIR "${d}")
  endif()
endforeach()
message(STATUS "drvtaint: clang resource directory: ${LIBCLANG_RESOURCE_DIR}")
add_library(libclang::libclang UNKNOWN IMPORTED)
set_target_properties(libclang::libclang PROPERTIES
  IMPORTED_LOCATION "${LIBCLANG_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${_dt_found_prefix}/include")
message(STATUS "drvtaint: libclang ${LIBCLANG_VERSION} at ${LIBCLANG_LIBRARY}")

# --- cJSON ---
find_path(CJSON_INCLUDE_DIR NAMES cjson/cJSON.h)
find_library(CJSON_LIBRARY NAMES cjson)
if(NOT CJSON_INCLUDE_DIR OR NOT CJSON_LIBRARY)
  message(FATAL_ERROR "drvtaint: cJSON not found. Install libcjson-dev (apt-get install libcjson-dev).")
endif()
add_library(cjson::cjson UNKNOWN IMPORTED)
set_target_properties(cjson::cjson PROPERTIES
  IMPORTED_LOCATION "${CJSON_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CJSON_INCLUDE_DIR}")
