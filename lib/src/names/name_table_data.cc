// The name gazetteer's table (names/name_table.h), written at build time by
// gen_name_table and linked in as read-only data. PHISCRUB_NAME_TABLE_BIN is
// its absolute path (lib/CMakeLists.txt).
asm(".section .rodata\n"
    ".balign 64\n"
    ".globl phiscrub_name_table\n"
    "phiscrub_name_table:\n"
    ".incbin \"" PHISCRUB_NAME_TABLE_BIN "\"\n"
    ".globl phiscrub_name_table_end\n"
    "phiscrub_name_table_end:\n"
    ".previous\n");
