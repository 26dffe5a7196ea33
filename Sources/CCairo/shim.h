// Cairo 2D graphics (Debian libcairo2-dev): image surfaces, PNG and SVG output, toy text API.
#include <cairo.h>
#include <cairo-svg.h>
