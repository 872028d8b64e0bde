/* haven-journal-list.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "haven-journal-list.h"
#include "haven-journal-row.h"
#include "haven-ui-util.h"
#include "haven-row-text.h"
#include "haven-vocabulary.h"

struct _HavenJournalList
{
  AdwBin              parent_instance;

  HavenStore         *store;
  HavenJournalModel  *model;
  GtkSliceListModel  *slice;         /* the model, its first rows until the first frame */
  GtkSingleSelection *selection;
  GdkFrameClock      *first_frame_clock;
  guint               offer_all_source;
  HavenJournalFilter *filter;        /* from outside (a chart); the search text is added */
  gboolean            show_end_title_buttons;

  GtkMenuButton      *new_button;
  GtkMenuButton      *primary_button;
  GMenuModel         *new_menu;
  GMenuModel         *primary_menu;
  AdwHeaderBar       *header_bar;
  GtkSearchBar       *search_bar;      /* NULL until first opened */
  GtkSearchEntry     *search_entry;
  GtkGridView        *list_view;
  GtkStack           *list_stack;
  GtkRevealer        *filter_revealer;
  GtkLabel           *filter_label;
  GtkMenuButton      *filter_button;   /* in the search bar */
  GtkToggleButton    *search_button;
  GtkButton          *clear_filter_button;
  GtkPopover         *filter_popover;   /* and what it holds: built when first opened */
  GtkDropDown        *kind_dropdown;
  GtkStringList      *kind_model;
  GtkDropDown        *pain_point_dropdown;
  GtkStringList      *pain_point_model;
  GtkDropDown        *reaction_dropdown;
  GtkStringList      *reaction_model;
  GtkDropDown        *when_dropdown;
  GArray             *pain_point_ids;   /* gint64, by position in the dropdown after "Any" */
  gboolean            updating_filters;
};

/* The grid view builds some thirty rows before it is first drawn, two or three times as many as
 * a window shows, and each costs (a template, its style, its text). Until the first frame the
 * list offers it only the first rows: as many as fill the view, added while the frame is laid
 * out and before it is drawn; after the first frame, all of them. Nine fill the view of a
 * window of the default size with rows of two-line excerpts (some eighty pixels each, with
 * their days); twelve had built four rows no one saw. */
#define FIRST_FRAME_ROWS 9

/* The "When" choices, in days back from now; 0 is any time. */
static const guint when_days[] = { 0, 7, 28, 91, 365 };

G_DEFINE_FINAL_TYPE (HavenJournalList, haven_journal_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOW_END_TITLE_BUTTONS,
  N_PROPS
};

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The pages for an empty journal and for a search that finds nothing are built the first
 * time each is shown: most starts show rows, and an empty journal shows no search. */
static void
ensure_status_page (HavenJournalList *self,
                    const char       *id,
                    const char       *name)
{
  g_autoptr(GtkBuilder) builder = NULL;
  const char *ids[] = { id, NULL };

  if (gtk_stack_get_child_by_name (self->list_stack, name) != NULL)
    return;

  g_type_ensure (HAVEN_TYPE_ROW_TEXT);
  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_objects_from_resource (builder, RESOURCE_BASE "/haven-journal-list-pages.ui",
                                         ids, NULL);
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (gtk_builder_get_object (builder, id)), name);
}

static void
update_empty_state (HavenJournalList *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean filtered = self->model &&
                      !haven_journal_filter_is_empty (haven_journal_model_get_filter (self->model));

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (filtered)
    ensure_status_page (self, "no_results_page", "no-results");
  else
    ensure_status_page (self, "empty_page", "empty");
  gtk_stack_set_visible_child_name (self->list_stack, filtered ? "no-results" : "empty");
}

static void
items_changed_cb (HavenJournalList *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  update_empty_state (self);
}

static void
describe_filter (HavenJournalList *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const HavenJournalFilter *f = self->filter;

  if (f == NULL || (f->kinds == 0 && f->pain_point_id == 0 &&
                    f->reaction == HAVEN_REACTION_NONE && f->from == 0 && f->to == 0))
    {
      gtk_revealer_set_reveal_child (self->filter_revealer, FALSE);
      return;
    }

  if (f->pain_point_id != 0 && self->store != NULL)
    {
      g_autoptr(HavenPainPoint) point = haven_store_get_pain_point (self->store,
                                                                    f->pain_point_id, NULL);
      if (point != NULL)
        /* Translators: the journal list shows only what names this raw spot */
        g_string_append_printf (text, _("Raw spot: %s"), haven_pain_point_get_name (point));
    }

  if (f->reaction != HAVEN_REACTION_NONE)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: the journal list shows only moments with this reaction */
      g_string_append_printf (text, _("Reaction: %s"), haven_reaction_label (f->reaction));
    }

  if (f->kinds == HAVEN_FILTER_CHECKINS)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("Check-ins only"));
    }
  else if (f->kinds != 0)
    {
      for (HavenEntryKind k = 0; k <= HAVEN_ENTRY_KIND_LAST; k++)
        {
          if (f->kinds & HAVEN_FILTER_KIND (k))
            {
              if (text->len > 0)
                g_string_append (text, " · ");
              g_string_append (text, haven_entry_kind_label (k));
            }
        }
    }

  if (f->from != 0 || f->to != 0)
    {
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_local (f->from);
      g_autoptr(GDateTime) to = g_date_time_new_from_unix_local (f->to != 0 ? f->to - 1 : 0);
      /* Translators: a date in a range, see strftime(3) */
      g_autofree char *from_text = g_date_time_format (from, _("%-d %b %Y"));
      g_autofree char *to_text = g_date_time_format (to, _("%-d %b %Y"));

      if (text->len > 0)
        g_string_append (text, " · ");
      if (f->to == 0)
        /* Translators: the journal list shows only what happened since this date */
        g_string_append_printf (text, _("Since %s"), from_text);
      else if (f->from == 0)
        /* Translators: the journal list shows only what happened until this date */
        g_string_append_printf (text, _("Until %s"), to_text);
      else if (g_strcmp0 (from_text, to_text) == 0)
        g_string_append (text, from_text);
      else
        /* Translators: a date range, e.g. "3 Nov 2026 – 9 Nov 2026" */
        g_string_append_printf (text, _("%s – %s"), from_text, to_text);
    }

  gtk_label_set_label (self->filter_label, text->str);
  gtk_revealer_set_reveal_child (self->filter_revealer, TRUE);
}

static void
rebuild_model (HavenJournalList *self)
{
  g_autoptr(HavenJournalFilter) filter = NULL;
  const char *text;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  if (self->store == NULL)
    {
      gtk_slice_list_model_set_model (self->slice, NULL);
      update_empty_state (self);
      return;
    }

  filter = self->filter ? haven_journal_filter_copy (self->filter) : haven_journal_filter_new ();
  text = self->search_entry ? gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) : NULL;
  g_free (filter->text);
  filter->text = text != NULL && *text != '\0' ? g_strdup (text) : NULL;

  self->model = haven_journal_model_new (self->store, filter);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_slice_list_model_set_model (self->slice, G_LIST_MODEL (self->model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  describe_filter (self);
  update_empty_state (self);
}

static void
search_changed_cb (HavenJournalList *self,
                   GtkSearchEntry   *entry)
{
  rebuild_model (self);
}

static void
stop_search_cb (HavenJournalList *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void create_filter_popover_cb (GtkMenuButton *button,
                                      gpointer       user_data);

/* The search bar is built the first time a search is opened (by the button or Ctrl+F): most
 * starts search nothing, and its entry, a GtkText, sets up some sixty key bindings before
 * the first frame otherwise. */
static void
ensure_search_bar (HavenJournalList *self)
{
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->search_bar != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), search_changed_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), stop_search_cb);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/haven-journal-list-search.ui",
                                      &error))
    g_error ("The search bar could not be built: %s", error->message);

  self->search_bar = GTK_SEARCH_BAR (gtk_builder_get_object (builder, "search_bar"));
  self->search_entry = GTK_SEARCH_ENTRY (gtk_builder_get_object (builder, "search_entry"));
  self->filter_button = GTK_MENU_BUTTON (gtk_builder_get_object (builder, "filter_button"));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->header_bar))),
                              GTK_WIDGET (self->search_bar), GTK_WIDGET (self->header_bar));

  haven_widget_set_tooltip (GTK_WIDGET (self->filter_button), _("Filter"));
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popover_cb, self,
                                         NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Opened now, and from now on the search button and the bar say the same. */
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  g_object_bind_property (self->search_bar, "search-mode-enabled",
                          self->search_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
search_button_toggled_cb (HavenJournalList *self,
                          GParamSpec       *pspec,
                          GtkToggleButton  *button)
{
  if (self->search_bar == NULL && gtk_toggle_button_get_active (button))
    ensure_search_bar (self);
}

static void
list_activate_cb (HavenJournalList *self,
                  guint             position,
                  GtkGridView      *list_view)
{
  g_autoptr(HavenJournalItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return;

  g_signal_emit (self, signals[RECORD_ACTIVATED], 0,
                 (guint)haven_journal_item_get_record_type (item),
                 haven_journal_item_get_id (item));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (haven_journal_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             HavenJournalList         *self)
{
  HavenJournalItem *item = gtk_list_item_get_item (list_item);
  g_autoptr(HavenJournalItem) previous = NULL;
  guint position = gtk_list_item_get_position (list_item);

  if (position > 0 && self->model != NULL)
    previous = g_list_model_get_item (G_LIST_MODEL (self->model), position - 1);

  haven_journal_row_bind (HAVEN_JOURNAL_ROW (gtk_list_item_get_child (list_item)), item,
                          previous);
}

static void
fill_pain_points (HavenJournalList *self)
{
  g_autoptr(GListModel) points = NULL;
  gint64 selected_id = 0;
  guint selected = gtk_drop_down_get_selected (self->pain_point_dropdown);
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->pain_point_ids->len)
    selected_id = g_array_index (self->pain_point_ids, gint64, selected - 1);

  self->updating_filters = TRUE;

  gtk_string_list_splice (self->pain_point_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->pain_point_model)), NULL);
  g_array_set_size (self->pain_point_ids, 0);
  gtk_string_list_append (self->pain_point_model, _("Any raw spot"));

  if (self->store != NULL)
    points = haven_store_list_pain_points (self->store, NULL);

  for (guint i = 0; points != NULL && i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(HavenPainPoint) point = g_list_model_get_item (points, i);
      gint64 id = haven_pain_point_get_id (point);

      gtk_string_list_append (self->pain_point_model, haven_pain_point_get_name (point));
      g_array_append_val (self->pain_point_ids, id);
      if (id == selected_id)
        position = i + 1;
    }

  gtk_drop_down_set_selected (self->pain_point_dropdown, position);

  self->updating_filters = FALSE;
}

static void
filter_popover_show_cb (HavenJournalList *self)
{
  fill_pain_points (self);
}

static void
filter_changed_cb (HavenJournalList *self)
{
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint pain_point = gtk_drop_down_get_selected (self->pain_point_dropdown);
  guint reaction = gtk_drop_down_get_selected (self->reaction_dropdown);
  guint when = gtk_drop_down_get_selected (self->when_dropdown);

  if (self->updating_filters)
    return;

  if (kind != GTK_INVALID_LIST_POSITION && kind > 0)
    filter->kinds = kind <= HAVEN_ENTRY_KIND_LAST + 1 ? HAVEN_FILTER_KIND (kind - 1)
                                                     : HAVEN_FILTER_CHECKINS;
  if (pain_point != GTK_INVALID_LIST_POSITION && pain_point > 0 &&
      pain_point <= self->pain_point_ids->len)
    filter->pain_point_id = g_array_index (self->pain_point_ids, gint64, pain_point - 1);
  if (reaction != GTK_INVALID_LIST_POSITION && reaction > 0)
    filter->reaction = reaction;
  if (when != GTK_INVALID_LIST_POSITION && when > 0 && when < G_N_ELEMENTS (when_days))
    filter->from = haven_time_now () - (HavenTime)when_days[when] * 24 * 3600;

  g_clear_pointer (&self->filter, haven_journal_filter_free);
  self->filter = g_steal_pointer (&filter);
  rebuild_model (self);
}

/* Shows a filter set from outside (a chart) in the dropdowns, as far as they can say it. */
static void
sync_dropdowns (HavenJournalList *self)
{
  const HavenJournalFilter *f = self->filter;
  guint kind = 0;

  /* Not built yet: it shows the filter when it is. */
  if (self->filter_popover == NULL)
    return;

  self->updating_filters = TRUE;

  if (f != NULL && f->kinds == HAVEN_FILTER_CHECKINS)
    kind = HAVEN_ENTRY_KIND_LAST + 2;
  else if (f != NULL && f->kinds != 0)
    {
      for (guint k = 0; k <= HAVEN_ENTRY_KIND_LAST; k++)
        if (f->kinds == HAVEN_FILTER_KIND (k))
          kind = k + 1;
    }
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  gtk_drop_down_set_selected (self->reaction_dropdown, f != NULL ? f->reaction : 0);
  gtk_drop_down_set_selected (self->when_dropdown, 0);

  self->updating_filters = FALSE;

  fill_pain_points (self);
  self->updating_filters = TRUE;
  for (guint i = 0; f != NULL && f->pain_point_id != 0 && i < self->pain_point_ids->len; i++)
    {
      if (g_array_index (self->pain_point_ids, gint64, i) == f->pain_point_id)
        gtk_drop_down_set_selected (self->pain_point_dropdown, i + 1);
    }
  if (f == NULL || f->pain_point_id == 0)
    gtk_drop_down_set_selected (self->pain_point_dropdown, 0);
  self->updating_filters = FALSE;
}

static void
ensure_filter_popover (HavenJournalList *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;

  if (self->filter_popover != NULL)
    return;

  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), filter_popover_show_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), filter_changed_cb);
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);

  /* The dropdowns report changes as they are filled: those are not the person's. */
  self->updating_filters = TRUE;
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/haven-journal-filter.ui", &error))
    g_error ("The filter popover could not be built: %s", error->message);

  self->filter_popover = GTK_POPOVER (gtk_builder_get_object (builder, "filter_popover"));
  self->kind_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "kind_dropdown"));
  self->kind_model = GTK_STRING_LIST (gtk_builder_get_object (builder, "kind_model"));
  self->pain_point_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "pain_point_dropdown"));
  self->pain_point_model = GTK_STRING_LIST (gtk_builder_get_object (builder, "pain_point_model"));
  self->reaction_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "reaction_dropdown"));
  self->reaction_model = GTK_STRING_LIST (gtk_builder_get_object (builder, "reaction_model"));
  self->when_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "when_dropdown"));

  gtk_string_list_append (self->kind_model, _("Everything"));
  for (HavenEntryKind k = 0; k <= HAVEN_ENTRY_KIND_LAST; k++)
    gtk_string_list_append (self->kind_model, haven_entry_kind_label (k));
  gtk_string_list_append (self->kind_model, _("Check-ins"));
  gtk_string_list_append (self->reaction_model, _("Any reaction"));
  for (HavenReaction r = 1; r <= HAVEN_REACTION_LAST; r++)
    gtk_string_list_append (self->reaction_model, haven_reaction_label (r));
  gtk_string_list_append (self->pain_point_model, _("Any raw spot"));
  self->updating_filters = FALSE;

  gtk_menu_button_set_popover (self->filter_button, GTK_WIDGET (self->filter_popover));
  sync_dropdowns (self);
}

/* The popovers are built when first opened: a popover menu makes a widget of each item, and
 * the filter popover holds four dropdowns, each with a list of its own. */
static void
create_filter_popover_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  ensure_filter_popover (HAVEN_JOURNAL_LIST (user_data));
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  haven_journal_list_set_filter (HAVEN_JOURNAL_LIST (widget), NULL);
}

static void
stop_first_frame (HavenJournalList *self)
{
  if (self->first_frame_clock == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->first_frame_clock, self);
  g_clear_object (&self->first_frame_clock);
}

/* All rows from now on. */
static void
offer_all_rows (HavenJournalList *self)
{
  g_clear_handle_id (&self->offer_all_source, g_source_remove);
  stop_first_frame (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

/* Runs after the window has laid itself out: while the rows offered do not fill the view yet,
 * more are offered, as many as the rows so far say the rest of the view takes and two more
 * (the first rows may each start a day, and be taller), and the frame clock lays the window
 * out again before it draws. The grid view's adjustment is never shorter than the view and
 * follows new rows a layout late, so how tall the rows are is asked of the view itself. */
static void
fill_view_cb (GdkFrameClock    *clock,
              HavenJournalList *self)
{
  GtkWidget *view = GTK_WIDGET (self->list_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint size = gtk_slice_list_model_get_size (self->slice);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  guint more = size;
  int rows_height;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->slice)) < size ||
      !gtk_widget_get_mapped (view) ||
      page_size <= 0 || gtk_adjustment_get_upper (adjustment) > page_size)
    return;

  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view),
                      NULL, &rows_height, NULL, NULL);
  if (rows_height >= page_size)
    return;
  if (rows_height > 0)
    more = (guint) ceil ((page_size - rows_height) / ((double) rows_height / size)) + 2;

  gtk_slice_list_model_set_size (self->slice, size + more);
}

static gboolean
offer_all_rows_cb (gpointer user_data)
{
  HavenJournalList *self = user_data;

  self->offer_all_source = 0;
  offer_all_rows (self);

  return G_SOURCE_REMOVE;
}

/* Once the frame is out, not while it is still being finished. */
static void
first_frame_cb (GdkFrameClock    *clock,
                HavenJournalList *self)
{
  stop_first_frame (self);
  if (self->offer_all_source == 0)
    self->offer_all_source = g_idle_add (offer_all_rows_cb, self);
}

static void
haven_journal_list_map (GtkWidget *widget)
{
  HavenJournalList *self = HAVEN_JOURNAL_LIST (widget);

  GTK_WIDGET_CLASS (haven_journal_list_parent_class)->map (widget);

  if (self->store == NULL)
    update_empty_state (self);

  if (gtk_slice_list_model_get_size (self->slice) == G_MAXUINT ||
      self->first_frame_clock != NULL || self->offer_all_source != 0)
    return;

  self->first_frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  g_signal_connect_after (self->first_frame_clock, "layout", G_CALLBACK (fill_view_cb), self);
  g_signal_connect (self->first_frame_clock, "after-paint", G_CALLBACK (first_frame_cb), self);
}

static void
haven_journal_list_unmap (GtkWidget *widget)
{
  HavenJournalList *self = HAVEN_JOURNAL_LIST (widget);

  /* Hidden before it was drawn (a folded window went to a page): nothing to wait for. */
  if (self->first_frame_clock != NULL || self->offer_all_source != 0)
    offer_all_rows (self);

  GTK_WIDGET_CLASS (haven_journal_list_parent_class)->unmap (widget);
}

static void
haven_journal_list_dispose (GObject *object)
{
  HavenJournalList *self = (HavenJournalList *)object;

  stop_first_frame (self);
  g_clear_handle_id (&self->offer_all_source, g_source_remove);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_JOURNAL_LIST);
  self->filter_popover = NULL;  /* went with its button */
  self->search_bar = NULL;      /* and these with the template's box */
  self->search_entry = NULL;
  self->filter_button = NULL;

  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->filter, haven_journal_filter_free);
  g_clear_pointer (&self->pain_point_ids, g_array_unref);

  G_OBJECT_CLASS (haven_journal_list_parent_class)->dispose (object);
}

static void
haven_journal_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HavenJournalList *self = HAVEN_JOURNAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SHOW_END_TITLE_BUTTONS:
      g_value_set_boolean (value, self->show_end_title_buttons);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_journal_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HavenJournalList *self = HAVEN_JOURNAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      haven_journal_list_set_store (self, g_value_get_object (value));
      break;
    case PROP_SHOW_END_TITLE_BUTTONS:
      if (self->show_end_title_buttons != g_value_get_boolean (value))
        {
          self->show_end_title_buttons = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_journal_list_class_init (HavenJournalListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_journal_list_dispose;
  object_class->get_property = haven_journal_list_get_property;
  object_class->set_property = haven_journal_list_set_property;
  widget_class->map = haven_journal_list_map;
  widget_class->unmap = haven_journal_list_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HAVEN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_END_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-end-title-buttons", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenJournalList::record-activated:
   * @type: a #HavenRecordType
   * @id: the record's id
   */
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  /* As in haven_window_class_init(): found by GtkBuilder without a symbol lookup. */
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  g_type_ensure (ADW_TYPE_WINDOW_TITLE);
  g_type_ensure (GTK_TYPE_BOX);
  g_type_ensure (GTK_TYPE_GRID_VIEW);
  g_type_ensure (GTK_TYPE_MENU_BUTTON);
  g_type_ensure (GTK_TYPE_REVEALER);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_TOGGLE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-journal-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, new_button);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, primary_button);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, new_menu);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, search_button);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, clear_filter_button);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, list_view);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalList, filter_label);
  gtk_widget_class_bind_template_callback (widget_class, search_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.clear-filter", NULL,
                                   clear_filter_action);

  gtk_widget_class_set_css_name (widget_class, "journallist");
}

static void
haven_journal_list_init (HavenJournalList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->show_end_title_buttons = TRUE;
  self->pain_point_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not in the template: see haven_widget_set_tooltip(). */
  haven_widget_set_tooltip (GTK_WIDGET (self->new_button), _("New Entry"));
  haven_widget_set_tooltip (GTK_WIDGET (self->primary_button), _("Main Menu"));
  haven_widget_set_tooltip (GTK_WIDGET (self->search_button), _("Search the Journal"));
  haven_widget_set_tooltip (GTK_WIDGET (self->clear_filter_button), _("Show Everything"));

  gtk_menu_button_set_create_popup_func (self->new_button, create_menu_cb, self->new_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_button, create_menu_cb, self->primary_menu,
                                         NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_grid_view_set_factory (self->list_view, factory);

  self->slice = gtk_slice_list_model_new (NULL, 0, FIRST_FRAME_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* No update_empty_state () here: the list is its first page, and a store usually follows
   * at once; without one, the list says it is empty once it is shown (map). */
}

HavenStore *
haven_journal_list_get_store (HavenJournalList *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_LIST (self), NULL);

  return self->store;
}

void
haven_journal_list_set_store (HavenJournalList *self,
                              HavenStore       *store)
{
  g_return_if_fail (HAVEN_IS_JOURNAL_LIST (self));
  g_return_if_fail (store == NULL || HAVEN_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      rebuild_model (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

HavenJournalModel *
haven_journal_list_get_model (HavenJournalList *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_LIST (self), NULL);

  return self->model;
}

void
haven_journal_list_set_filter (HavenJournalList         *self,
                               const HavenJournalFilter *filter)
{
  g_return_if_fail (HAVEN_IS_JOURNAL_LIST (self));

  g_clear_pointer (&self->filter, haven_journal_filter_free);
  if (filter != NULL)
    {
      self->filter = haven_journal_filter_copy (filter);
      g_clear_pointer (&self->filter->text, g_free);
    }

  sync_dropdowns (self);
  rebuild_model (self);
}

void
haven_journal_list_start_search (HavenJournalList *self)
{
  g_return_if_fail (HAVEN_IS_JOURNAL_LIST (self));

  ensure_search_bar (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
haven_journal_list_popup_new_menu (HavenJournalList *self)
{
  g_return_if_fail (HAVEN_IS_JOURNAL_LIST (self));

  gtk_menu_button_popup (self->new_button);
}

void
haven_journal_list_select (HavenJournalList *self,
                           HavenRecordType   type,
                           gint64            id)
{
  guint position;

  g_return_if_fail (HAVEN_IS_JOURNAL_LIST (self));

  if (self->model == NULL)
    return;

  /* A row further down is shown and scrolled to: the list is complete from now on. */
  offer_all_rows (self);
  position = haven_journal_model_find (self->model, type, id);
  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION
                                                           : position);
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);
}

void
haven_journal_list_unselect (HavenJournalList *self)
{
  g_return_if_fail (HAVEN_IS_JOURNAL_LIST (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}
