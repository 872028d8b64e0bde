/* haven-wrap-box.c: children of one width, in as many lines as they need, each centred
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a few buttons side by side that go onto a second line when there is no room, as on the
 * welcome page. Each child is as wide as the widest wants to be (or the box, if narrower); a
 * line holds as many as fit, and every line is centred, the last one too: three Dutch
 * buttons that need two lines show two and one under their middle. GtkFlowBox would put the
 * one under the first, and measures its children over and over while doing so (2.5 M
 * instructions before the first frame for three buttons; this box measures each once per
 * question).
 *
 * Children are added in a .ui file as <child>, or with gtk_widget_set_parent(); they go in
 * the order of the widget tree, which is also the order of keyboard focus.
 */
#include "config.h"

#include "haven-wrap-box.h"

struct _HavenWrapBox
{
  GtkWidget  parent_instance;

  int        column_spacing;
  int        row_spacing;
};

G_DEFINE_FINAL_TYPE (HavenWrapBox, haven_wrap_box, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How wide each child is, from the widest child's minimum and natural width. */
typedef struct
{
  int n;            /* visible children */
  int min_width;    /* the widest minimum */
  int nat_width;    /* the widest natural */
} Children;

static Children
measure_children (HavenWrapBox *self)
{
  Children c = { 0, 0, 0 };

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      c.n++;
      c.min_width = MAX (c.min_width, min);
      c.nat_width = MAX (c.nat_width, nat);
    }

  return c;
}

/* The width of a child in @width, and how many go on a line. */
static int
cell_width (HavenWrapBox   *self,
            const Children *c,
            int             width,
            int            *per_line)
{
  int cell = CLAMP (width, c->min_width, c->nat_width);

  *per_line = MAX (1, (width + self->column_spacing) / (cell + self->column_spacing));
  *per_line = MIN (*per_line, c->n);

  return cell;
}

/* The tallest child at @cell, minimum and natural. */
static void
measure_line (HavenWrapBox *self,
              int           cell,
              int          *min_height,
              int          *nat_height)
{
  *min_height = *nat_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, cell, &min, &nat, NULL, NULL);
      *min_height = MAX (*min_height, min);
      *nat_height = MAX (*nat_height, nat);
    }
}

static GtkSizeRequestMode
haven_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
haven_wrap_box_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HavenWrapBox *self = HAVEN_WRAP_BOX (widget);
  Children c = measure_children (self);

  *minimum = *natural = 0;
  if (c.n == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* One to a line at the least, all on one line at best. */
      *minimum = c.min_width;
      *natural = c.n * c.nat_width + (c.n - 1) * self->column_spacing;
    }
  else
    {
      int width = for_size >= 0 ? for_size : c.n * c.nat_width + (c.n - 1) * self->column_spacing;
      int per_line, lines, min_height, nat_height;
      int cell = cell_width (self, &c, width, &per_line);

      lines = (c.n + per_line - 1) / per_line;
      measure_line (self, cell, &min_height, &nat_height);
      *minimum = lines * min_height + (lines - 1) * self->row_spacing;
      *natural = lines * nat_height + (lines - 1) * self->row_spacing;
    }
}

static void
haven_wrap_box_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  HavenWrapBox *self = HAVEN_WRAP_BOX (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Children c = measure_children (self);
  int per_line, lines, cell, min_height, nat_height, line_height;
  int index = 0, y = 0;
  GtkWidget *child;

  if (c.n == 0)
    return;

  cell = cell_width (self, &c, width, &per_line);
  lines = (c.n + per_line - 1) / per_line;
  measure_line (self, cell, &min_height, &nat_height);
  /* Lines as tall as they ask, or their share of a box given less. */
  line_height = CLAMP ((height - (lines - 1) * self->row_spacing) / lines, min_height, nat_height);

  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column = index % per_line;
      int in_line, line_width, x;

      if (!gtk_widget_should_layout (child))
        continue;

      if (column == 0 && index > 0)
        y += line_height + self->row_spacing;

      in_line = MIN (per_line, c.n - index + column);
      line_width = in_line * cell + (in_line - 1) * self->column_spacing;
      x = (width - line_width) / 2 + column * (cell + self->column_spacing);
      if (rtl)
        x = width - x - cell;

      gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, cell, line_height }, -1);
      index++;
    }
}

static void
haven_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (haven_wrap_box_parent_class)->dispose (object);
}

static void
set_spacing (HavenWrapBox *self,
             int          *field,
             int           value,
             GParamSpec   *pspec)
{
  if (*field == value)
    return;

  *field = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
haven_wrap_box_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HavenWrapBox *self = HAVEN_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_wrap_box_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HavenWrapBox *self = HAVEN_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      set_spacing (self, &self->column_spacing, g_value_get_int (value), pspec);
      break;
    case PROP_ROW_SPACING:
      set_spacing (self, &self->row_spacing, g_value_get_int (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_wrap_box_class_init (HavenWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_wrap_box_dispose;
  object_class->get_property = haven_wrap_box_get_property;
  object_class->set_property = haven_wrap_box_set_property;

  widget_class->get_request_mode = haven_wrap_box_get_request_mode;
  widget_class->measure = haven_wrap_box_measure;
  widget_class->size_allocate = haven_wrap_box_size_allocate;

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
haven_wrap_box_init (HavenWrapBox *self)
{
}

GtkWidget *
haven_wrap_box_new (void)
{
  return g_object_new (HAVEN_TYPE_WRAP_BOX, NULL);
}
