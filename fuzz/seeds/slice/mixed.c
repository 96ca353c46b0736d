#ifdef A
void f(void) {
#else
void f(int b) {
#endif
	g("}");
}
static void walk(pgd_t *p)
{
	p++; /* } */
}
int c(void) { walk(0); } int d(void)
{
	return 1;
} int e;
