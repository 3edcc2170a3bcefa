/* storyline-event-row.c: one event in the list
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-event-row.h"
#include "storyline-citation.h"
#include "storyline-story-text.h"

/* Created once per visible row by the list's factory and rebound as the
 * list scrolls: set_event() only sets text and visibility. GTK 4.8 has no
 * list sections, so the row carries its own year heading, shown when the
 * event above it is of another year. */

struct _StorylineEventRow
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *year_label;
  GtkLabel *date_label;
  GtkLabel *title_label;
  GtkLabel *cites_label;
  GtkWidget *quotes_box;
  GtkLabel *quotes_label;
  GtkWidget *sources_box;
  GtkLabel *sources_label;
  GtkWidget *correction_image;

  /* Owned references */
  StorylineEvent *event;
  char *search;                /* words to highlight in the title */
};

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (StorylineEventRow, storyline_event_row, GTK_TYPE_WIDGET)

static void
set_count (GtkWidget  *box,
           GtkLabel   *label,
           guint       count,
           const char *description)
{
  /* Translators: a count beside an icon; use %Iu for your locale's digits */
  g_autofree char *number = g_strdup_printf (C_("count", "%u"), count);

  gtk_widget_set_visible (box, count > 0);
  gtk_label_set_text (label, number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* The count's tooltip is made when asked for: setting a tooltip's text on
 * every rebind costs a round trip to the X server to see whether the
 * pointer is over it. */
static gboolean
query_count_tooltip (GtkWidget         *box,
                     int                x,
                     int                y,
                     gboolean           keyboard,
                     GtkTooltip        *tooltip,
                     StorylineEventRow *self)
{
  g_autofree char *text = NULL;
  guint n;

  if (self->event == NULL)
    return FALSE;
  if (box == self->quotes_box)
    {
      n = storyline_event_get_n_quotes (self->event);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n), n);
    }
  else
    {
      n = storyline_event_get_n_sources (self->event);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n);
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A date or title too long for the row is shown whole in its tooltip.
 * Rows keep to one line each: a list view measures every row it binds,
 * and a wrapping label costs about ten times more to measure than one
 * that is cut short (see the scrolling figures in the README). The
 * label's text is the whole of it (storyline_label_set_story_text()). */
static const char *
cut_text (StorylineEventRow *self,
          GtkLabel          *label)
{
  if (self->event == NULL || !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return NULL;
  return gtk_label_get_text (label);
}

/**
 * storyline_event_row_dup_title_tooltip:
 *
 * Returns: (transfer full) (nullable): the whole title when the row shows
 *   it cut short, as laid out now
 */
char *
storyline_event_row_dup_title_tooltip (StorylineEventRow *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_ROW (self), NULL);
  return g_strdup (cut_text (self, self->title_label));
}

static gboolean
query_cut_tooltip (GtkLabel          *label,
                   int                x,
                   int                y,
                   gboolean           keyboard,
                   GtkTooltip        *tooltip,
                   StorylineEventRow *self)
{
  const char *text = cut_text (self, label);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update (StorylineEventRow *self)
{
  StorylineEvent *event = self->event;
  g_autofree char *date = NULL;
  g_autofree char *year = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *accessible = NULL;
  guint n_quotes, n_sources;

  if (event == NULL)
    return;

  date = storyline_date_format (storyline_event_get_date (event));
  year = storyline_date_format_year (storyline_date_get_year (storyline_event_get_date (event)));
  n_quotes = storyline_event_get_n_quotes (event);
  n_sources = storyline_event_get_n_sources (event);

  gtk_label_set_text (self->year_label, year);
  gtk_label_set_text (self->date_label, date);
  storyline_label_set_story_text (self->title_label, storyline_event_get_title (event));
  storyline_label_set_language (self->title_label, storyline_event_get_language (event));
  storyline_label_highlight (self->title_label, self->search);

  quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n_quotes), n_quotes);
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources), n_sources);
  set_count (self->quotes_box, self->quotes_label, n_quotes, quotes);
  set_count (self->sources_box, self->sources_label, n_sources, sources);
  gtk_widget_set_visible (self->correction_image, storyline_event_has_correction (event));

  /* A row is announced as its date and title, not its whole content. */
  /* Translators: how a list row is announced: a date, then an event's title */
  accessible = g_strdup_printf (_("%s: %s"), date, storyline_event_get_title (event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/**
 * storyline_event_row_show:
 * @event: (nullable): the event
 * @search: (nullable): the search as typed
 *
 * Shows @event with the words of @search highlighted, doing only what
 * changed: rows are bound and refreshed on every keystroke of a search.
 */
void
storyline_event_row_show (StorylineEventRow *self,
                          StorylineEvent    *event,
                          const char        *search)
{
  gboolean search_changed;

  g_return_if_fail (STORYLINE_IS_EVENT_ROW (self));

  search_changed = g_strcmp0 (self->search, search) != 0;
  if (search_changed)
    {
      g_free (self->search);
      self->search = g_strdup (search);
    }
  if (g_set_object (&self->event, event))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
    }
  else if (search_changed && event != NULL)
    storyline_label_highlight (self->title_label, search);
}

/**
 * storyline_event_row_refresh:
 *
 * Shows the event again: it was edited.
 */
void
storyline_event_row_refresh (StorylineEventRow *self)
{
  g_return_if_fail (STORYLINE_IS_EVENT_ROW (self));
  if (self->event != NULL)
    update (self);
}

/**
 * storyline_event_row_shows:
 *
 * Returns: whether the row shows @event with @search highlighted already
 */
gboolean
storyline_event_row_shows (StorylineEventRow *self,
                           StorylineEvent    *event,
                           const char        *search)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_ROW (self), FALSE);
  return self->event == event && g_strcmp0 (self->search, search) == 0;
}

/**
 * storyline_event_row_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown
 */
StorylineEvent *
storyline_event_row_get_event (StorylineEventRow *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_ROW (self), NULL);
  return self->event;
}

void
storyline_event_row_set_event (StorylineEventRow *self,
                               StorylineEvent    *event)
{
  g_return_if_fail (STORYLINE_IS_EVENT_ROW (self));

  if (g_set_object (&self->event, event))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
    }
}

void
storyline_event_row_set_year_heading (StorylineEventRow *self,
                                      gboolean           show)
{
  g_return_if_fail (STORYLINE_IS_EVENT_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->year_label), show);
}

/**
 * storyline_event_row_set_cited_source:
 * @source: (nullable): the source selected in the sources pane
 *
 * Marks the row, in words as well as in colour, when its event cites
 * @source.
 */
void
storyline_event_row_set_cited_source (StorylineEventRow *self,
                                      StorylineSource   *source)
{
  gboolean cites = FALSE;

  g_return_if_fail (STORYLINE_IS_EVENT_ROW (self));

  for (guint i = 0; !cites && source != NULL && self->event != NULL && i < storyline_event_get_n_sources (self->event); i++)
    cites = storyline_event_get_source (self->event, i)->source == source;

  if (cites)
    {
      g_autofree char *name = storyline_text_for_display (storyline_source_get_short_name (source));
      /* Translators: on an event in the list: it cites the source selected in the sources pane */
      g_autofree char *text = g_strdup_printf (_("Cites \u2068%s\u2069"), name);

      gtk_label_set_text (self->cites_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self), "cites-selected-source");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cites-selected-source");
  gtk_widget_set_visible (GTK_WIDGET (self->cites_label), cites);
}

gboolean
storyline_event_row_get_cites_selected_source (StorylineEventRow *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_ROW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->cites_label));
}

static void
storyline_event_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StorylineEventRow *self = STORYLINE_EVENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_event_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StorylineEventRow *self = STORYLINE_EVENT_ROW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      storyline_event_row_set_event (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_event_row_dispose (GObject *object)
{
  StorylineEventRow *self = STORYLINE_EVENT_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_EVENT_ROW);
  /* The template's top box has no id: a widget that is its own container
   * unparents it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->event);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (storyline_event_row_parent_class)->dispose (object);
}

static void
storyline_event_row_class_init (StorylineEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_event_row_dispose;
  object_class->get_property = storyline_event_row_get_property;
  object_class->set_property = storyline_event_row_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, STORYLINE_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-event-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, year_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, cites_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, quotes_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, sources_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, sources_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventRow, correction_image);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventrow");
}

static void
storyline_event_row_init (StorylineEventRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (self->quotes_box, TRUE);
  gtk_widget_set_has_tooltip (self->sources_box, TRUE);
  g_signal_connect (self->quotes_box, "query-tooltip", G_CALLBACK (query_count_tooltip), self);
  g_signal_connect (self->sources_box, "query-tooltip", G_CALLBACK (query_count_tooltip), self);
  g_signal_connect (self->title_label, "query-tooltip", G_CALLBACK (query_cut_tooltip), self);
  g_signal_connect (self->date_label, "query-tooltip", G_CALLBACK (query_cut_tooltip), self);
}

GtkWidget *
storyline_event_row_new (void)
{
  return g_object_new (STORYLINE_TYPE_EVENT_ROW, NULL);
}
