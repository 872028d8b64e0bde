/* haven-window.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hosts the leaflet (journal list beside the content) and switches pages; the
 * pages themselves are widgets of their own. Before it moves away from a page that holds
 * writing, the page saves it; if that fails, the window stays where it is, because nothing
 * typed may be lost.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-checkin-page.h"
#include "haven-article-view.h"
#include "haven-entry-page.h"
#include "haven-flow-page.h"
#include "haven-insights-page.h"
#include "haven-journal-list.h"
#include "haven-library-page.h"
#include "haven-trash-page.h"
#include "haven-recovery-page.h"
#include "haven-welcome-page.h"
#include "haven-ui-util.h"
#include "haven-window-data.h"
#include "haven-window.h"

struct _HavenWindow
{
  AdwApplicationWindow  parent_instance;

  HavenStore           *store;
  GSettings            *settings;
  gboolean              closing;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  HavenJournalList     *journal_list;
  GtkStack             *content_stack;
  HavenWelcomePage     *welcome_page;
  HavenFlowPage        *flow_page;
  HavenEntryPage       *entry_page;
  HavenCheckinPage     *checkin_page;
  HavenTrashPage       *trash_page;
  HavenInsightsPage    *insights_page;
  HavenRecoveryPage    *recovery_page;

  /* Where a check-in returns to once it is saved, cancelled or deleted. */
  char                 *checkin_return_page;
  gint64                checkin_return_id;       /* the entry that page showed, or 0 */
  gboolean              checkin_return_sidebar;  /* a folded window showed the list */
  HavenLibraryPage     *library_page;
  HavenArticleView     *article_view;

  /* Where win.reading-back leads, the last place on top: "library", "article:<id>", and at
   * the bottom the page the reading started from, which waits untouched underneath. */
  GPtrArray            *reading_trail;

  GtkWindow            *shortcuts_window;   /* built when first asked for */
};

G_DEFINE_FINAL_TYPE (HavenWindow, haven_window, ADW_TYPE_APPLICATION_WINDOW)

/* Pages ------------------------------------------------------------------------------------ */

static void
update_journal_empty (HavenWindow *self)
{
  /* Not a count: on a large journal that would read every row at start. */
  gboolean empty = self->store == NULL || haven_store_is_empty (self->store);

  haven_welcome_page_set_journal_empty (self->welcome_page, empty);
}

static void
record_changed_cb (HavenWindow *self)
{
  update_journal_empty (self);
}

static void
refresh_drafts (HavenWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  drafts = haven_store_list_drafts (self->store, &error);
  if (error != NULL)
    g_warning ("Listing unfinished entries failed (error %d)", error->code);

  haven_welcome_page_set_drafts (self->welcome_page, drafts);
}

/* The pages beyond the welcome page are built the first time they are needed: start-up
 * only pays for what the first frame shows. */
static void flow_closed_cb (HavenWindow *self, HavenFlowPage *page);
static void flow_finished_cb (HavenWindow *self, gint64 id, HavenFlowPage *page);
static void entry_trashed_cb (HavenWindow *self, gint64 id, HavenEntryPage *page);
static void edit_answers_cb (HavenWindow *self, HavenEntry *entry, HavenEntryPage *page);
static void journal_replaced_cb (HavenWindow *self, HavenRecoveryPage *page);
static void checkin_saved_cb (HavenWindow *self, gint64 id, gboolean created,
                              HavenCheckinPage *page);
static void checkin_trashed_cb (HavenWindow *self, gint64 id, HavenCheckinPage *page);
static void checkin_closed_cb (HavenWindow *self, HavenCheckinPage *page);

static HavenFlowPage *
get_flow_page (HavenWindow *self)
{
  if (self->flow_page == NULL)
    {
      self->flow_page = g_object_new (HAVEN_TYPE_FLOW_PAGE, NULL);
      g_signal_connect_object (self->flow_page, "closed", G_CALLBACK (flow_closed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->flow_page, "finished", G_CALLBACK (flow_finished_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->flow_page), "flow");
    }

  return self->flow_page;
}

static HavenEntryPage *
get_entry_page (HavenWindow *self)
{
  if (self->entry_page == NULL)
    {
      self->entry_page = g_object_new (HAVEN_TYPE_ENTRY_PAGE, NULL);
      g_signal_connect_object (self->entry_page, "trashed", G_CALLBACK (entry_trashed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->entry_page, "edit-answers", G_CALLBACK (edit_answers_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->entry_page), "entry");
    }

  return self->entry_page;
}

static HavenCheckinPage *
get_checkin_page (HavenWindow *self)
{
  if (self->checkin_page == NULL)
    {
      self->checkin_page = g_object_new (HAVEN_TYPE_CHECKIN_PAGE, NULL);
      g_signal_connect_object (self->checkin_page, "saved", G_CALLBACK (checkin_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->checkin_page, "trashed", G_CALLBACK (checkin_trashed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->checkin_page, "closed", G_CALLBACK (checkin_closed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->checkin_page), "checkin");
    }

  return self->checkin_page;
}

static HavenTrashPage *
get_trash_page (HavenWindow *self)
{
  if (self->trash_page == NULL)
    {
      self->trash_page = g_object_new (HAVEN_TYPE_TRASH_PAGE, NULL);
      haven_trash_page_set_store (self->trash_page, self->store);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->trash_page), "trash");
    }

  return self->trash_page;
}

static void show_records_cb (HavenWindow *self, HavenJournalFilter *filter, HavenInsightsPage *page);

static HavenInsightsPage *
get_insights_page (HavenWindow *self)
{
  if (self->insights_page == NULL)
    {
      self->insights_page = g_object_new (HAVEN_TYPE_INSIGHTS_PAGE, NULL);
      g_signal_connect_object (self->insights_page, "show-records", G_CALLBACK (show_records_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->insights_page), "insights");
      haven_insights_page_set_store (self->insights_page, self->store);
    }

  return self->insights_page;
}

static HavenLibraryPage *
get_library_page (HavenWindow *self)
{
  if (self->library_page == NULL)
    {
      self->library_page = haven_library_page_new ();
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->library_page), "library");
    }

  return self->library_page;
}

static HavenArticleView *
get_article_view (HavenWindow *self)
{
  if (self->article_view == NULL)
    {
      self->article_view = haven_article_view_new ();
      if (self->settings != NULL)
        g_settings_bind (self->settings, "article-zoom", self->article_view, "zoom",
                         G_SETTINGS_BIND_DEFAULT);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->article_view), "article");
    }

  return self->article_view;
}

static HavenRecoveryPage *
get_recovery_page (HavenWindow *self)
{
  if (self->recovery_page == NULL)
    {
      self->recovery_page = g_object_new (HAVEN_TYPE_RECOVERY_PAGE, NULL);
      g_signal_connect_object (self->recovery_page, "journal-replaced",
                               G_CALLBACK (journal_replaced_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->recovery_page), "problem");
    }

  return self->recovery_page;
}

static gboolean
is_reading_page (const char *page)
{
  return g_strcmp0 (page, "library") == 0 || g_strcmp0 (page, "article") == 0;
}

/* The page the reading started from. */
static const char *
reading_origin (HavenWindow *self)
{
  return self->reading_trail->len > 0 ? g_ptr_array_index (self->reading_trail, 0) : NULL;
}

/* Lets @page save what it holds and let go of it. FALSE when saving failed: then the page
 * stays, and shows why. */
static gboolean
leave_page (HavenWindow *self,
            const char  *page)
{
  if (g_strcmp0 (page, "entry") == 0)
    return haven_entry_page_leave (self->entry_page);

  if (g_strcmp0 (page, "checkin") == 0)
    return haven_checkin_page_leave (self->checkin_page);

  if (g_strcmp0 (page, "flow") == 0 && haven_flow_page_get_runner (self->flow_page) != NULL)
    {
      gboolean closed;

      /* Closing emits "closed", which would switch pages itself. */
      g_signal_handlers_block_matched (self->flow_page, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      closed = haven_flow_page_close (self->flow_page);
      g_signal_handlers_unblock_matched (self->flow_page, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                         self);
      return closed;
    }

  return TRUE;
}

/* Lets the page that is shown save what it holds. FALSE when that failed: then the page
 * stays, and shows why. */
static gboolean
leave_current_page (HavenWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  /* Going from reading to somewhere else: the page the reading started from is done. */
  if (is_reading_page (page))
    {
      const char *origin = reading_origin (self);

      if (origin != NULL && !leave_page (self, origin))
        return FALSE;
      g_ptr_array_set_size (self->reading_trail, 0);
      return TRUE;
    }

  return leave_page (self, page);
}

static void
show_page (HavenWindow *self,
           const char  *name)
{
  if (g_strcmp0 (name, "welcome") == 0)
    {
      refresh_drafts (self);
      update_journal_empty (self);
      haven_journal_list_unselect (self->journal_list);
    }

  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
show_toast (HavenWindow *self,
            const char  *title,
            const char  *button_label,
            const char  *action_name,
            GVariant    *target)
{
  AdwToast *toast = adw_toast_new (title);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      adw_toast_set_action_target_value (toast, target);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_entry (HavenWindow *self,
            gint64       id)
{
  g_autoptr(HavenEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = haven_store_get_entry (self->store, id, &error);
  if (entry == NULL)
    {
      show_toast (self, error->message, NULL, NULL, NULL);
      return;
    }

  haven_entry_page_show_entry (get_entry_page (self), self->store, entry);
  show_page (self, "entry");
  haven_journal_list_select (self->journal_list, HAVEN_RECORD_ENTRY, id);
}

static void
continue_entry (HavenWindow *self,
                HavenEntry  *entry)
{
  const HavenFlow *flow = haven_flow_lookup (haven_entry_get_flow_id (entry));

  if (flow != NULL && flow->n_steps > 0)
    {
      haven_flow_page_start (get_flow_page (self), self->store, flow, entry);
      show_page (self, "flow");
    }
  else
    {
      haven_entry_page_show_entry (get_entry_page (self), self->store, entry);
      show_page (self, "entry");
    }
}

/* Check-ins ------------------------------------------------------------------------------- */

typedef struct
{
  const char *page;
  HavenEntry *entry;    /* what the page showed, if anything */
  gboolean    sidebar;
} ReturnPoint;

/* Where the person is now, to come back to after a check-in: read before the page is left,
 * since leaving lets go of what it shows. */
static void
get_return_point (HavenWindow *self,
                  ReturnPoint *point)
{
  point->page = gtk_stack_get_visible_child_name (self->content_stack);
  point->entry = NULL;
  point->sidebar = adw_leaflet_get_folded (self->leaflet) &&
                   g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "sidebar") == 0;

  if (g_strcmp0 (point->page, "entry") == 0 &&
      haven_entry_page_get_entry (self->entry_page) != NULL)
    {
      point->entry = g_object_ref (haven_entry_page_get_entry (self->entry_page));
    }
  else if (g_strcmp0 (point->page, "flow") == 0 &&
           haven_flow_page_get_runner (self->flow_page) != NULL)
    {
      HavenFlowRunner *runner = haven_flow_page_get_runner (self->flow_page);

      point->entry = g_object_ref (haven_flow_runner_get_entry (runner));
    }
}

/* After the page was left: an entry written there has been saved by now, and has its id. */
static void
set_return_point (HavenWindow *self,
                  ReturnPoint *point)
{
  /* From one check-in to another, the way back stays the one from before the first. */
  if (g_strcmp0 (point->page, "checkin") != 0)
    {
      g_free (self->checkin_return_page);
      self->checkin_return_page = g_strdup (point->page);
      self->checkin_return_id = point->entry != NULL ? haven_entry_get_id (point->entry) : 0;
      self->checkin_return_sidebar = point->sidebar;
    }

  g_clear_object (&point->entry);
}

static void
return_from_checkin (HavenWindow *self)
{
  g_autofree char *page = g_steal_pointer (&self->checkin_return_page);
  gint64 id = self->checkin_return_id;
  g_autoptr(HavenEntry) entry = NULL;

  self->checkin_return_id = 0;

  /* Pages that held an entry were let go of: they are opened again, the way they were. */
  if (id != 0 && (g_strcmp0 (page, "entry") == 0 || g_strcmp0 (page, "flow") == 0))
    entry = haven_store_get_entry (self->store, id, NULL);

  if (entry != NULL && g_strcmp0 (page, "flow") == 0 && haven_entry_get_is_draft (entry))
    continue_entry (self, entry);
  else if (entry != NULL)
    open_entry (self, id);
  else if (page != NULL && g_strcmp0 (page, "entry") != 0 && g_strcmp0 (page, "flow") != 0 &&
           gtk_stack_get_child_by_name (self->content_stack, page) != NULL)
    show_page (self, page);
  else
    show_page (self, "welcome");

  if (self->checkin_return_sidebar)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  self->checkin_return_sidebar = FALSE;
}

static void
open_checkin (HavenWindow *self,
              gint64       id,
              ReturnPoint *from)
{
  g_autoptr(HavenCheckin) checkin = NULL;
  g_autoptr(GError) error = NULL;

  checkin = haven_store_get_checkin (self->store, id, &error);
  if (checkin == NULL)
    {
      g_clear_object (&from->entry);
      show_toast (self, error->message, NULL, NULL, NULL);
      return;
    }

  set_return_point (self, from);
  haven_checkin_page_show_checkin (get_checkin_page (self), self->store, checkin);
  show_page (self, "checkin");
  haven_journal_list_select (self->journal_list, HAVEN_RECORD_CHECKIN, id);
}

static void
checkin_saved_cb (HavenWindow      *self,
                  gint64            id,
                  gboolean          created,
                  HavenCheckinPage *page)
{
  return_from_checkin (self);
  show_toast (self, _("Check-in saved"), NULL, NULL, NULL);
}

static void
checkin_trashed_cb (HavenWindow      *self,
                    gint64            id,
                    HavenCheckinPage *page)
{
  return_from_checkin (self);
  show_toast (self, _("Check-in moved to the trash"), _("_Undo"), "win.restore-checkin",
              g_variant_new_int64 (id));
}

static void
checkin_closed_cb (HavenWindow      *self,
                   HavenCheckinPage *page)
{
  return_from_checkin (self);
}

static void
record_activated_cb (HavenWindow      *self,
                     guint             type,
                     gint64            id,
                     HavenJournalList *list)
{
  ReturnPoint from;

  /* A check-in opened from the list goes back to the page shown before (Insights, say),
   * and in a narrow window to the list, where the click was. */
  get_return_point (self, &from);
  from.sidebar = adw_leaflet_get_folded (self->leaflet);

  if (!leave_current_page (self))
    {
      g_clear_object (&from.entry);
      return;
    }

  if (type == HAVEN_RECORD_CHECKIN)
    {
      open_checkin (self, id, &from);
      return;
    }

  g_clear_object (&from.entry);
  if (type == HAVEN_RECORD_ENTRY)
    open_entry (self, id);
}

static void
leaflet_folded_cb (HavenWindow *self,
                   GParamSpec  *pspec,
                   AdwLeaflet  *leaflet)
{
}

static void
flow_closed_cb (HavenWindow   *self,
                HavenFlowPage *page)
{
  show_page (self, "welcome");
}

static void
flow_finished_cb (HavenWindow   *self,
                  gint64         id,
                  HavenFlowPage *page)
{
  if (!leave_current_page (self))
    return;

  open_entry (self, id);
  show_toast (self, _("Saved to your journal"), NULL, NULL, NULL);
}

static void
entry_trashed_cb (HavenWindow    *self,
                  gint64          id,
                  HavenEntryPage *page)
{
  show_page (self, "welcome");

  if (id != 0)
    show_toast (self, _("Entry moved to the trash"), _("_Undo"), "win.restore-entry",
                g_variant_new_int64 (id));
}

static void
edit_answers_cb (HavenWindow    *self,
                 HavenEntry     *entry,
                 HavenEntryPage *page)
{
  continue_entry (self, entry);
}

/* A click in a chart: the journal list shows the records behind it, and when that is a
 * single one, it opens. */
static void
show_records_cb (HavenWindow        *self,
                 HavenJournalFilter *filter,
                 HavenInsightsPage  *page)
{
  GListModel *records;

  haven_journal_list_set_filter (self->journal_list, filter);
  records = G_LIST_MODEL (haven_journal_list_get_model (self->journal_list));

  if (g_list_model_get_n_items (records) == 1)
    {
      g_autoptr(HavenJournalItem) item = g_list_model_get_item (records, 0);

      record_activated_cb (self, haven_journal_item_get_record_type (item),
                           haven_journal_item_get_id (item), self->journal_list);
      return;
    }

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

/* Actions ---------------------------------------------------------------------------------- */

static void
journal_replaced_cb (HavenWindow       *self,
                     HavenRecoveryPage *page)
{
  HavenApplication *app = HAVEN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  haven_application_reopen_journal (app);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->store == NULL)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  haven_journal_list_start_search (self->journal_list);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->store == NULL)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  haven_journal_list_popup_new_menu (self->journal_list);
}

static void
start_flow_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  const char *flow_id = g_variant_get_string (parameter, NULL);
  const HavenFlow *flow = haven_flow_lookup (flow_id);

  if (self->store == NULL || flow == NULL)
    return;

  /* An article's "Try this" for the flow the reading interrupted: back to those answers. */
  if (is_reading_page (gtk_stack_get_visible_child_name (self->content_stack)) &&
      g_strcmp0 (reading_origin (self), "flow") == 0 &&
      haven_flow_page_get_runner (self->flow_page) != NULL &&
      haven_flow_runner_get_flow (haven_flow_page_get_runner (self->flow_page)) == flow)
    {
      g_ptr_array_set_size (self->reading_trail, 0);
      show_page (self, "flow");
      return;
    }

  if (!leave_current_page (self))
    return;

  haven_journal_list_unselect (self->journal_list);

  if (flow->n_steps == 0)
    {
      haven_entry_page_start_free (get_entry_page (self), self->store);
      show_page (self, "entry");
      return;
    }

  haven_flow_page_start (get_flow_page (self), self->store, flow, NULL);
  show_page (self, "flow");
}

static void
continue_draft_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  g_autoptr(HavenEntry) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (!leave_current_page (self))
    return;

  draft = haven_store_get_entry (self->store, g_variant_get_int64 (parameter), &error);
  if (draft == NULL)
    {
      show_toast (self, error->message, NULL, NULL, NULL);
      refresh_drafts (self);
      return;
    }

  continue_entry (self, draft);
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!haven_store_trash_entry (self->store, id, &error))
    {
      show_toast (self, error->message, NULL, NULL, NULL);
      return;
    }

  refresh_drafts (self);
  show_toast (self, _("Unfinished entry moved to the trash"), _("_Undo"), "win.restore-entry",
              g_variant_new_int64 (id));
}

static void
restore_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!haven_store_restore_entry (self->store, g_variant_get_int64 (parameter), &error))
    {
      show_toast (self, error->message, NULL, NULL, NULL);
      return;
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "welcome") == 0)
    refresh_drafts (self);
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  ReturnPoint from;

  if (self->store == NULL)
    return;

  /* Already on a new check-in: that is the one. */
  if (g_strcmp0 (haven_window_get_page (self), "checkin") == 0 &&
      haven_checkin_page_get_checkin (self->checkin_page) != NULL &&
      haven_checkin_get_id (haven_checkin_page_get_checkin (self->checkin_page)) == 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }

  get_return_point (self, &from);
  if (!leave_current_page (self))
    {
      g_clear_object (&from.entry);
      return;
    }

  set_return_point (self, &from);
  haven_journal_list_unselect (self->journal_list);
  haven_checkin_page_start (get_checkin_page (self), self->store);
  show_page (self, "checkin");
}

static void
restore_checkin_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!haven_store_restore_checkin (self->store, g_variant_get_int64 (parameter), &error))
    show_toast (self, error->message, NULL, NULL, NULL);
}

static void
show_trash_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->store == NULL || !leave_current_page (self))
    return;

  get_trash_page (self);
  show_page (self, "trash");
}

static void
show_insights_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  gboolean built = self->insights_page != NULL;

  if (self->store == NULL || !leave_current_page (self))
    return;

  /* A page built just now has read the journal already. */
  if (built)
    haven_insights_page_refresh (self->insights_page);
  else
    get_insights_page (self);
  haven_journal_list_unselect (self->journal_list);
  show_page (self, "insights");
}

static void
show_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->store == NULL || !leave_current_page (self))
    return;

  show_page (self, "welcome");
}

/* Reading ---------------------------------------------------------------------------------- */

/* Before the library or an article covers a page, that page saves what it holds but keeps
 * it: win.reading-back returns to it as it was. */
static void
push_reading_trail (HavenWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (page, "article") == 0)
    {
      HavenArticle *article = haven_article_view_get_article (self->article_view);

      g_ptr_array_add (self->reading_trail,
                       g_strconcat ("article:", haven_article_get_id (article), NULL));
      return;
    }

  if (g_strcmp0 (page, "library") == 0)
    {
      g_ptr_array_add (self->reading_trail, g_strdup ("library"));
      return;
    }

  g_ptr_array_set_size (self->reading_trail, 0);
  if (g_strcmp0 (page, "entry") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->entry_page), "entry.save-now", NULL);
  else if (g_strcmp0 (page, "flow") == 0 && haven_flow_page_get_runner (self->flow_page) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->flow_page), "flow.save-now", NULL);
  g_ptr_array_add (self->reading_trail, g_strdup (page != NULL ? page : "welcome"));
}

static void
open_article (HavenWindow  *self,
              HavenArticle *article)
{
  HavenArticleView *view = get_article_view (self);

  haven_article_view_set_article (view, article);
  show_page (self, "article");
  /* Into the text, so the keys scroll it and change its size. */
  gtk_widget_grab_focus (GTK_WIDGET (haven_article_view_get_text_view (view)));
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->store == NULL)
    return;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "library") != 0)
    push_reading_trail (self);

  get_library_page (self);
  show_page (self, "library");
}

static void
show_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  HavenLibrary *library = haven_library_get_default ();
  const char *id = g_variant_get_string (parameter, NULL);
  HavenArticle *article = library != NULL ? haven_library_lookup (library, id) : NULL;

  if (self->store == NULL)
    return;

  if (article == NULL)
    {
      show_toast (self, _("This article is not in Haven"), NULL, NULL, NULL);
      return;
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "article") == 0 &&
      haven_article_view_get_article (self->article_view) == article)
    return;

  push_reading_trail (self);
  open_article (self, article);
}

static void
reading_back_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  g_autofree char *place = NULL;

  if (!is_reading_page (gtk_stack_get_visible_child_name (self->content_stack)))
    return;

  if (self->reading_trail->len == 0)
    {
      show_page (self, "welcome");
      return;
    }

  place = g_ptr_array_steal_index (self->reading_trail, self->reading_trail->len - 1);
  if (g_str_has_prefix (place, "article:"))
    {
      HavenArticle *article = haven_library_lookup (haven_library_get_default (),
                                                    place + strlen ("article:"));

      open_article (self, article);
    }
  else
    {
      show_page (self, place);
    }
}

/* Keyboard shortcuts ------------------------------------------------------------------------ */

/* GtkApplication would build gtk/help-overlay.ui for every window as it opens; it is built
 * here the first time it is asked for instead, which keeps it out of the start-up time. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE
                                                                     "/haven-shortcuts.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

/* Closing ---------------------------------------------------------------------------------- */

static void
restore_window_state (HavenWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (HavenWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
close_anyway_cb (HavenWindow      *self,
                 const char       *response,
                 AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "close") != 0)
    return;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
haven_window_close_request (GtkWindow *window)
{
  HavenWindow *self = HAVEN_WINDOW (window);

  if (!self->closing && self->store != NULL && !leave_current_page (self))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Your Writing Is Not Saved"),
                                                           _("Haven could not save what you "
                                                             "wrote last. If you close now, "
                                                             "it is lost. Keep Haven open and "
                                                             "it will keep trying.")));
      adw_message_dialog_add_responses (dialog,
                                        "keep", _("_Keep Haven Open"),
                                        "close", _("Close _Without Saving"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "keep");
      adw_message_dialog_set_close_response (dialog, "keep");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_anyway_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (haven_window_parent_class)->close_request (window);
}

static void
haven_window_dispose (GObject *object)
{
  HavenWindow *self = (HavenWindow *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->checkin_return_page, g_free);
  g_clear_pointer (&self->reading_trail, g_ptr_array_unref);
  g_clear_pointer (&self->shortcuts_window, gtk_window_destroy);

  G_OBJECT_CLASS (haven_window_parent_class)->dispose (object);
}

static void
haven_window_class_init (HavenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = haven_window_dispose;
  window_class->close_request = haven_window_close_request;

  /* Only what the template holds: the other pages' classes are set up with their first page. */
  g_type_ensure (HAVEN_TYPE_JOURNAL_LIST);
  g_type_ensure (HAVEN_TYPE_WELCOME_PAGE);
  /* GTK's and libadwaita's too: GtkBuilder looks a class it has not seen yet up by the name of
   * its get_type() function, through all the loaded libraries' symbols. */
  g_type_ensure (ADW_TYPE_LEAFLET);
  g_type_ensure (ADW_TYPE_LEAFLET_PAGE);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);
  g_type_ensure (GTK_TYPE_SEPARATOR);
  g_type_ensure (GTK_TYPE_STACK);
  g_type_ensure (GTK_TYPE_STACK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/haven-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, journal_list);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, record_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "win.start-flow", "s", start_flow_action);
  gtk_widget_class_install_action (widget_class, "win.continue-draft", "x",
                                   continue_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", "x", discard_draft_action);
  gtk_widget_class_install_action (widget_class, "win.restore-entry", "x", restore_entry_action);
  gtk_widget_class_install_action (widget_class, "win.check-in", NULL, check_in_action);
  gtk_widget_class_install_action (widget_class, "win.restore-checkin", "x",
                                   restore_checkin_action);
  gtk_widget_class_install_action (widget_class, "win.show-trash", NULL, show_trash_action);
  gtk_widget_class_install_action (widget_class, "win.show-home", NULL, show_home_action);
  gtk_widget_class_install_action (widget_class, "win.show-insights", NULL, show_insights_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.show-article", "s", show_article_action);
  gtk_widget_class_install_action (widget_class, "win.reading-back", NULL, reading_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.show-insights", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "win.check-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.show-library", NULL);

  _haven_window_data_class_init (widget_class);
}

static void
haven_window_init (HavenWindow *self)
{
  self->reading_trail = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_problem (HavenWindow      *self,
              HavenApplication *application,
              const GError     *error)
{
  g_autofree char *default_path = NULL;
  const char *path = haven_application_get_journal_path (application);

  if (path == NULL)
    path = default_path = haven_store_dup_default_path ();

  haven_recovery_page_set_problem (get_recovery_page (self), path, error);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
}

HavenWindow *
haven_window_new (HavenApplication *application,
                  HavenStore       *store,
                  const GError     *open_error)
{
  HavenWindow *self;

  g_return_val_if_fail (HAVEN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store != NULL || open_error != NULL, NULL);

  self = g_object_new (HAVEN_TYPE_WINDOW, "application", application, NULL);
  self->settings = haven_application_get_settings (application);
  if (self->settings != NULL)
    g_object_ref (self->settings);
  restore_window_state (self);

  if (store == NULL)
    {
      show_problem (self, application, open_error);
      _haven_window_data_set_enabled (self, FALSE);
    }
  else
    {
      self->store = g_object_ref (store);
      haven_journal_list_set_store (self->journal_list, store);

      g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "journal-changed", G_CALLBACK (update_journal_empty),
                               self, G_CONNECT_SWAPPED);
      update_journal_empty (self);
      refresh_drafts (self);
    }

  /* What the first frame shows is measured in the fonts it is drawn in (as the journal rows
   * are): GTK would load and hint each glyph of its header bars, welcome page and buttons
   * twice, 9 M instructions before the first frame. Pages made later keep GTK's own. */
  haven_widget_measure_fonts_as_drawn (GTK_WIDGET (self));

  return self;
}

void
haven_window_show_problem (HavenWindow  *self,
                           const GError *error)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  show_problem (self, HAVEN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), error);
  _haven_window_data_set_enabled (self, FALSE);

  /* The window reads no more from a journal that failed its check. */
  haven_journal_list_set_store (self->journal_list, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
}

HavenStore *
haven_window_get_store (HavenWindow *self)
{
  g_return_val_if_fail (HAVEN_IS_WINDOW (self), NULL);

  return self->store;
}

void
haven_window_show_toast (HavenWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
haven_window_get_page (HavenWindow *self)
{
  g_return_val_if_fail (HAVEN_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "problem") == 0)
    return "problem";

  return gtk_stack_get_visible_child_name (self->content_stack);
}
