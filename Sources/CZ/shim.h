// zlib (Debian zlib1g-dev): gzip-compressed IDX files.
#include <zlib.h>
