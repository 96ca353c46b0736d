static void f(void)
{
	if (a) {
		down();
	} else
		arch_sync_kernel_mappings(0, 0);
#if 0
}
#else
	x = { .fn = g, };
#endif
}
core_initcall(f);
