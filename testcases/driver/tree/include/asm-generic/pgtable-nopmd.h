#include <asm-generic/pgtable-nopud.h>
