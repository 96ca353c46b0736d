// No page table code at all.
int clean(void)
{
	return 0;
}
