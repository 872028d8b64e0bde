/* haven-encode-icon.c: renders an SVG icon to the PNG that GTK would render from it
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK reads an SVG icon through gdk-pixbuf's SVG loader, which brings librsvg, the loader
 * module and the MIME database into the process the first time it draws one: some 3 ms
 * before Haven's first frame, for the filter button's icon alone. GTK's own icons and
 * Adwaita's come as PNGs for their usual sizes (a symbolic one as a .symbolic.png, whose
 * channels say how much of each colour to paint), which GTK prefers at those sizes and
 * reads without any of that; the SVG stays for other sizes and scales.
 *
 * This tool makes those PNGs at build time, rendered exactly as GTK 4 renders the SVG at
 * run time (gtk_make_symbolic_pixbuf_from_data in gdkpixbufutils.c for a symbolic icon;
 * gdk_pixbuf_new_from_stream_at_scale for any other), so the icons look the same.
 *
 *   haven-encode-icon --symbolic SIZE INPUT.svg OUTPUT.symbolic.png
 *   haven-encode-icon SIZE INPUT.svg OUTPUT.png
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>

static GdkPixbuf *
render (const char  *svg,
        gssize       length,
        int          size,
        GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (svg, length, NULL);

  return gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, NULL, error);
}

/* As GTK's load_symbolic_svg: the icon inside an SVG that paints every shape in one colour
 * and each of the success, warning and error classes in its own. */
static GdkPixbuf *
render_recoloured (const char  *escaped,
                   int          size,
                   int          icon_width,
                   int          icon_height,
                   const char  *fg,
                   const char  *success,
                   const char  *warning,
                   const char  *error_colour,
                   GError     **error)
{
  g_autofree char *width = g_strdup_printf ("%d", icon_width);
  g_autofree char *height = g_strdup_printf ("%d", icon_height);
  g_autofree char *svg = NULL;

  svg = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                     "<svg version=\"1.1\"\n"
                     "     xmlns=\"http://www.w3.org/2000/svg\"\n"
                     "     xmlns:xi=\"http://www.w3.org/2001/XInclude\"\n"
                     "     width=\"", width, "\"\n"
                     "     height=\"", height, "\">\n"
                     "  <style type=\"text/css\">\n"
                     "    rect,circle,path {\n"
                     "      fill: ", fg, " !important;\n"
                     "    }\n"
                     "    .warning {\n"
                     "      fill: ", warning, " !important;\n"
                     "    }\n"
                     "    .error {\n"
                     "      fill: ", error_colour, " !important;\n"
                     "    }\n"
                     "    .success {\n"
                     "      fill: ", success, " !important;\n"
                     "    }\n"
                     "  </style>\n"
                     "  <xi:include href=\"data:text/xml;base64,", escaped, "\"/>\n"
                     "</svg>",
                     NULL);

  return render (svg, -1, size, error);
}

static void
copy_channel (GdkPixbuf *from,
              int        from_channel,
              GdkPixbuf *to,
              int        to_channel)
{
  const guchar *src = gdk_pixbuf_read_pixels (from);
  guchar *dst = gdk_pixbuf_get_pixels (to);
  int src_stride = gdk_pixbuf_get_rowstride (from);
  int dst_stride = gdk_pixbuf_get_rowstride (to);

  for (int y = 0; y < gdk_pixbuf_get_height (to); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (to); x++)
      dst[y * dst_stride + 4 * x + to_channel] = src[y * src_stride + 4 * x + from_channel];
}

/* The alpha of the icon with every colour solid, and in red, green and blue how much of
 * it is in the success, warning and error colours; the rest is the foreground. */
static GdkPixbuf *
render_symbolic (const char  *svg,
                 gsize        length,
                 int          size,
                 GError     **error)
{
  const char *red = "rgb(255,0,0)";
  const char *green = "rgb(0,255,0)";
  g_autoptr(GdkPixbuf) reference = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *escaped = NULL;
  GdkPixbuf *symbolic = NULL;

  stream = g_memory_input_stream_new_from_data (svg, length, NULL);
  reference = gdk_pixbuf_new_from_stream (stream, NULL, error);
  if (reference == NULL)
    return NULL;

  escaped = g_base64_encode ((const guchar *)svg, length);

  for (int plane = 0; plane < 3; plane++)
    {
      g_autoptr(GdkPixbuf) loaded = NULL;

      loaded = render_recoloured (escaped, size,
                                  gdk_pixbuf_get_width (reference),
                                  gdk_pixbuf_get_height (reference),
                                  green,
                                  plane == 0 ? red : green,
                                  plane == 1 ? red : green,
                                  plane == 2 ? red : green,
                                  error);
      if (loaded == NULL)
        {
          g_clear_object (&symbolic);
          return NULL;
        }

      if (symbolic == NULL)
        {
          symbolic = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8,
                                     gdk_pixbuf_get_width (loaded),
                                     gdk_pixbuf_get_height (loaded));
          gdk_pixbuf_fill (symbolic, 0);
          copy_channel (loaded, 3, symbolic, 3);
        }

      copy_channel (loaded, 0, symbolic, plane);
    }

  return symbolic;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  gboolean symbolic = argc == 5 && strcmp (argv[1], "--symbolic") == 0;
  gint64 size = 0;
  gsize length;

  if (argc != (symbolic ? 5 : 4) ||
      !g_ascii_string_to_signed (argv[argc - 3], 10, 1, 1024, &size, &error))
    {
      g_printerr ("Usage: %s [--symbolic] SIZE INPUT.svg OUTPUT.png\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!g_file_get_contents (argv[argc - 2], &svg, &length, &error) ||
      !(pixbuf = symbolic ? render_symbolic (svg, length, size, &error)
                          : render (svg, length, size, &error)) ||
      !gdk_pixbuf_save (pixbuf, argv[argc - 1], "png", &error, NULL))
    {
      g_printerr ("%s: %s\n", argv[argc - 2], error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
