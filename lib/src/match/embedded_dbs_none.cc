// No embedded Hyperscan databases (match/hs_cache.h): linked by
// phiscrub_gen_dbs, which compiles them, and by builds that embed none
// (PHISCRUB_EMBED_DATABASES off). Both labels at one address: zero bytes.
asm(".section .rodata\n"
    ".balign 64\n"
    ".globl phiscrub_embedded_dbs\n"
    ".globl phiscrub_embedded_dbs_end\n"
    "phiscrub_embedded_dbs:\n"
    "phiscrub_embedded_dbs_end:\n"
    ".byte 0\n"
    ".previous\n");
