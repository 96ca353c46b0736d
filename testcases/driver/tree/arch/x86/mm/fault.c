#ifdef CONFIG_X86_32
void arch_sync_kernel_mappings(unsigned long start, unsigned long end)
{
	sync_32(start, end);
}
#endif
