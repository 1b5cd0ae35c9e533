# Third-party code: cmark-gfm and libyaml built from the Debian sources that scripts/setup.sh
# unpacks (the same source natively and under Emscripten), and header-only libraries from
# Debian's packages.

set(GALLEY_CMARK_DIR "${GALLEY_DEPS_DIR}/cmark-gfm-0.29.0.gfm.13")
set(GALLEY_YAML_DIR "${GALLEY_DEPS_DIR}/libyaml-0.2.5")
foreach(dir IN ITEMS "${GALLEY_CMARK_DIR}" "${GALLEY_YAML_DIR}")
  if(NOT EXISTS "${dir}/CMakeLists.txt")
    message(FATAL_ERROR "${dir} is missing: run scripts/setup.sh first")
  endif()
endforeach()

# Third-party warnings are not ours to fix.
set(_galley_saved_c_flags "${CMAKE_C_FLAGS}")
set(CMAKE_C_FLAGS "${CMAKE_C_FLAGS} -w")

set(CMARK_TESTS OFF CACHE BOOL "" FORCE)
set(CMARK_SHARED OFF CACHE BOOL "" FORCE)
set(CMARK_STATIC ON CACHE BOOL "" FORCE)
set(CMARK_LIB_FUZZER OFF CACHE BOOL "" FORCE)
add_subdirectory("${GALLEY_CMARK_DIR}" "${CMAKE_BINARY_DIR}/_deps/cmark-gfm" EXCLUDE_FROM_ALL)

set(BUILD_SHARED_LIBS OFF CACHE BOOL "" FORCE)
set(BUILD_TESTING_SAVED "${BUILD_TESTING}")
set(BUILD_TESTING OFF)
# libyaml asks for CMake 3.0, under which its option(BUILD_TESTING) would drop the OFF above and
# add its own tests to ours (never built, so "Not Run"); CMP0077 lets the variable stand.
set(CMAKE_POLICY_DEFAULT_CMP0077 NEW)
add_subdirectory("${GALLEY_YAML_DIR}" "${CMAKE_BINARY_DIR}/_deps/libyaml" EXCLUDE_FROM_ALL)
set(BUILD_TESTING "${BUILD_TESTING_SAVED}")

set(CMAKE_C_FLAGS "${_galley_saved_c_flags}")

add_library(galley_cmark INTERFACE)
target_link_libraries(galley_cmark INTERFACE libcmark-gfm-extensions_static libcmark-gfm_static)
target_include_directories(galley_cmark SYSTEM INTERFACE
  "${GALLEY_CMARK_DIR}/src" "${GALLEY_CMARK_DIR}/extensions"
  "${CMAKE_BINARY_DIR}/_deps/cmark-gfm/src" "${CMAKE_BINARY_DIR}/_deps/cmark-gfm/extensions")
target_compile_definitions(galley_cmark INTERFACE CMARK_GFM_STATIC_DEFINE CMARK_GFM_EXTENSIONS_STATIC_DEFINE)

add_library(galley_yaml INTERFACE)
target_link_libraries(galley_yaml INTERFACE yaml)
target_include_directories(galley_yaml SYSTEM INTERFACE "${GALLEY_YAML_DIR}/include")
target_compile_definitions(galley_yaml INTERFACE YAML_DECLARE_STATIC)

# Header-only libraries from Debian. Emscripten must not see /usr/include (host libc headers
# break the wasm build), so each library gets a folder holding only a link to its own.
set(_galley_hdrs "${CMAKE_BINARY_DIR}/_deps/headers")
file(MAKE_DIRECTORY "${_galley_hdrs}")
foreach(lib IN ITEMS nlohmann toml++)
  if(NOT EXISTS "/usr/include/${lib}")
    message(FATAL_ERROR "/usr/include/${lib} is missing: run scripts/setup.sh first")
  endif()
  if(NOT EXISTS "${_galley_hdrs}/${lib}")
    file(CREATE_LINK "/usr/include/${lib}" "${_galley_hdrs}/${lib}" SYMBOLIC)
  endif()
endforeach()
add_library(galley_headers INTERFACE)
target_include_directories(galley_headers SYSTEM INTERFACE "${_galley_hdrs}")
target_compile_definitions(galley_headers INTERFACE JSON_NOEXCEPTION TOML_EXCEPTIONS=0)
