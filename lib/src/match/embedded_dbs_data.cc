// The Hyperscan databases of the built-in packs with default options
// (match/hs_cache.h), written at build time by phiscrub_gen_dbs and linked in
// as read-only data. PHISCRUB_EMBEDDED_DBS_BIN is its absolute path
// (lib/CMakeLists.txt).
asm(".section .rodata\n"
    ".balign 64\n"
    ".globl phiscrub_embedded_dbs\n"
    "phiscrub_embedded_dbs:\n"
    ".incbin \"" PHISCRUB_EMBEDDED_DBS_BIN "\"\n"
    ".globl phiscrub_embedded_dbs_end\n"
    "phiscrub_embedded_dbs_end:\n"
    ".previous\n");
