#include <asm-generic/pgtable-nop4d.h>
