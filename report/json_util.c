// SPDX-License-Identifier: GPL-2.0-only
/*
 * jansson fails only for want of memory or for strings that are not
 * UTF-8.  The first ends the run as every other allocation does; the
 * second must not lose a finding, since file names and spatch's messages
 * are bytes, so invalid sequences are replaced with U+FFFD.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "report/internal.h"

static void out_of_memory(void)
{
	fputs("ptsync: out of memory\n", stderr);
	exit(2);
}

json_t *rjson_checked(json_t *value)
{
	if (!value)
		out_of_memory();
	return value;
}

void rjson_put(json_t *object, const char *key, json_t *value)
{
	if (json_object_set_new(object, key, rjson_checked(value)))
		out_of_memory();
}

void rjson_push(json_t *array, json_t *value)
{
	if (json_array_append_new(array, rjson_checked(value)))
		out_of_memory();
}

/* Length of the valid UTF-8 sequence at s, 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned int c = s[0], cp, min;
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07, min = 0x10000;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static char *utf8_repair(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = xmalloc(strlen(s) * 3 + 1), *o = out;
	size_t n;

	while (*p) {
		n = utf8_len(p);
		if (n) {
			memcpy(o, p, n);
			o += n;
			p += n;
		} else {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			p++;
		}
	}
	*o = '\0';
	return out;
}

json_t *rjson_text(const char *s)
{
	json_t *value;
	char *fixed;

	if (!s)
		return rjson_checked(json_null());
	value = json_string(s);
	if (value)
		return value;
	fixed = utf8_repair(s);
	value = rjson_checked(json_string(fixed));
	free(fixed);
	return value;
}

json_t *rjson_text_or_null(const char *s)
{
	return rjson_text(s && *s ? s : NULL);
}

/*
 * Two-space indent in insertion order: the documents are read by people
 * as often as by programs, and keys come in the order README.md lists.
 */
int rjson_write(FILE *out, json_t *doc)
{
	int ret = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	json_decref(doc);
	if (ret || fputc('\n', out) == EOF)
		return -1;
	return report_finish(out);
}
