# Included by the top-level CMakeLists.txt before lib/ when PHISCRUB_FUZZ is
# on: everything built after this (library, sidecar engine, fuzz targets)
# gets libFuzzer's coverage hooks, so the fuzzer sees the library's branches.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "PHISCRUB_FUZZ needs clang (libFuzzer): "
                      "-DCMAKE_CXX_COMPILER=clang++ (make fuzz does this)")
endif()
if(NOT PHISCRUB_SANITIZE)
  # A fuzzer without ASan/UBSan finds only crashes, not the overflows behind them.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
add_compile_options(-fsanitize=fuzzer-no-link)
# clang 14: -fsanitize=fuzzer-no-link marks every function `optforfuzzing`,
# and LLVM 14 then miscompiles internal::HumaniseKey at -O1 (reproduced on a
# standalone copy: the attribute alone drops the camelCase spaces). -O2, which
# this build uses, happens to be unaffected; the ignorelist keeps the function
# out of fuzzer instrumentation at every level rather than by luck, and
# fuzz_json checks it against a reference on every input.
add_compile_options(
  -fsanitize-ignorelist=${CMAKE_CURRENT_LIST_DIR}/coverage_ignorelist.txt)
# Signed overflow stays fatal except where ubsan.supp names a known bug:
# suppressions only apply to recoverable checks.
add_compile_options(-fsanitize-recover=signed-integer-overflow)
