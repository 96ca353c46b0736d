#ifdef A
void twin(unsigned long a)
{
	pgd_populate(&init_mm, pgd_offset_k(a), p);
}
#else
void twin(unsigned long a)
{
	set_pgd(t + a, 0);
}
#endif
static pgd_t *walk(struct { int x; } *s, unsigned long b)
{
	return pgd_offset_k(b);
}
static struct __attribute__((x)) {
	int y;
} var = { 1 };
void use(void) __acquires(l)
{
	walk(0, 1); /* } */
	puts("{");
}
int z = (int){ 2 };
