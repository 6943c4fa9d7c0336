// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of generator_test's compile test: linked with a generated spec
 * image compiled on the host, writes the image's bytes to the file named by
 * its argument, through the two symbols every generated file defines.
 */
#include <stddef.h>
#include <stdio.h>

extern const void *const kapi_builtin_image_data;
extern const size_t kapi_builtin_image_size;

int main(int argc, char **argv)
{
	FILE *out;

	if (argc != 2)
		return 2;
	out = fopen(argv[1], "wb");
	if (!out)
		return 1;
	if (fwrite(kapi_builtin_image_data, 1, kapi_builtin_image_size, out) !=
	    kapi_builtin_image_size)
		return 1;
	return fclose(out) == 0 ? 0 : 1;
}
