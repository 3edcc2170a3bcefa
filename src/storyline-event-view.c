/* storyline-event-view.c: the selected event, its notes and its quotes
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-event-view.h"
#include "storyline-quote-card.h"
#include "storyline-search.h"
#include "storyline-story-text.h"

/* Actors and related events are buttons bound to the window's
 * win.filter-actor and win.select-event actions, with the id as target:
 * the view never reaches into the window. Text from the story is only ever
 * set as plain text. */

struct _StorylineEventView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkWidget *empty_label;
  GtkWidget *details_box;
  GtkLabel *title_label;
  GtkLabel *date_label;
  GtkLabel *precision_label;
  GtkLabel *place_label;
  GtkLabel *sources_summary_label;
  GtkWidget *single_source_label;
  GtkWidget *actors_heading;
  GtkFlowBox *actors_box;
  GtkLabel *summary_label;
  GtkBox *notes_box;
  GtkWidget *related_heading;
  GtkBox *related_box;
  GtkWidget *quotes_heading;
  GtkBox *quotes_box;

  /* Owned references */
  StorylineEvent *event;
  StorylineCitationStyle style;
  char *search;                /* its words highlighted */
  guint scroll_source;         /* tick: to the first quote that matches */
  guint scroll_tries;
  guint scroll_index;          /* of that quote's card in quotes_box */
};

G_DEFINE_FINAL_TYPE (StorylineEventView, storyline_event_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CITATION_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void apply_search (StorylineEventView *self);

static void
remove_all (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static void
set_optional (GtkLabel   *label,
              const char *text)
{
  storyline_label_set_story_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static const char *
describe_relation (StorylineRelationKind kind)
{
  switch (kind)
    {
    case STORYLINE_RELATION_FOLLOWS:
      return _("Follows");
    case STORYLINE_RELATION_CAUSES:
      return _("Causes");
    case STORYLINE_RELATION_RESPONDS_TO:
      return _("Responds to");
    case STORYLINE_RELATION_PART_OF:
    default:
      return _("Part of");
    }
}

static GtkWidget *
make_note (const StorylineNote *note)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind;
  GtkWidget *text;
  GtkWidget *icon = NULL;
  const char *kind_text;

  switch (note->kind)
    {
    case STORYLINE_NOTE_CORRECTION:
      kind_text = _("Correction");
      icon = gtk_image_new_from_icon_name ("storyline-correction-symbolic");
      gtk_widget_add_css_class (box, "correction");
      break;
    case STORYLINE_NOTE_UNCERTAINTY:
      kind_text = _("Uncertain");
      gtk_widget_add_css_class (box, "uncertainty");
      break;
    case STORYLINE_NOTE_CONTEXT:
    default:
      kind_text = _("Context");
      gtk_widget_add_css_class (box, "context");
      break;
    }

  gtk_widget_add_css_class (box, "note");
  if (icon != NULL)
    {
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind_text, -1);
      gtk_box_append (GTK_BOX (box), icon);
    }

  kind = gtk_label_new (kind_text);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "heading");
  text = gtk_label_new (NULL);
  storyline_label_set_story_text (GTK_LABEL (text), note->text);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (text_box), kind);
  gtk_box_append (GTK_BOX (text_box), text);
  gtk_box_append (GTK_BOX (box), text_box);

  return box;
}

/* How many sources stand behind the event, how many of them primary. */
static void
update_source_summary (StorylineEventView *self,
                       StorylineEvent     *event)
{
  guint n = storyline_event_get_n_sources (event);
  guint primary = 0;
  g_autofree char *sources = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    if (storyline_source_get_reliability (storyline_event_get_source (event, i)->source) == STORYLINE_RELIABILITY_PRIMARY)
      primary++;

  if (n == 0)
    text = g_strdup (_("No source cited"));
  else
    {
      sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n);
      /* Translators: "6 sources, 1 primary" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u primary", "%s, %u primary", primary), sources, primary);
    }
  gtk_label_set_text (self->sources_summary_label, text);
  gtk_widget_set_visible (self->single_source_label, n == 1);
}

static void
update (StorylineEventView *self)
{
  StorylineEvent *event = self->event;
  g_autofree char *date = NULL;
  guint n;

  gtk_widget_set_visible (self->empty_label, event == NULL);
  gtk_widget_set_visible (self->details_box, event != NULL);

  remove_all (GTK_WIDGET (self->actors_box));
  remove_all (GTK_WIDGET (self->notes_box));
  remove_all (GTK_WIDGET (self->related_box));
  remove_all (GTK_WIDGET (self->quotes_box));

  if (event == NULL)
    return;

  date = storyline_date_format (storyline_event_get_date (event));
  storyline_label_set_story_text (self->title_label, storyline_event_get_title (event));
  storyline_label_set_language (self->title_label, storyline_event_get_language (event));
  storyline_label_set_language (self->summary_label, storyline_event_get_language (event));
  storyline_label_set_language (self->place_label, storyline_event_get_language (event));
  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->precision_label, storyline_date_describe_precision (storyline_event_get_date (event)));
  set_optional (self->place_label, storyline_event_get_place (event));
  update_source_summary (self, event);
  set_optional (self->summary_label, storyline_event_get_summary (event));

  n = storyline_event_get_n_actors (event);
  for (guint i = 0; i < n; i++)
    {
      StorylineActor *actor = storyline_event_get_actor (event, i);
      g_autofree char *name = storyline_text_for_display (storyline_actor_get_name (actor));
      GtkWidget *button = gtk_button_new_with_label (name);
      g_autofree char *tooltip = NULL;

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.filter-actor");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", storyline_actor_get_id (actor));
      if (storyline_actor_get_role (actor) != NULL)
        tooltip = g_strdup_printf (_("%s — show only events with them"), storyline_actor_get_role (actor));
      else
        tooltip = g_strdup (_("Show only events with them"));
      storyline_widget_set_story_tooltip (button, tooltip);
      gtk_widget_add_css_class (button, "pill-button");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_flow_box_append (self->actors_box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  gtk_widget_set_visible (self->actors_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->actors_box), n > 0);

  n = storyline_event_get_n_notes (event);
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->notes_box, make_note (storyline_event_get_note (event, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box), n > 0);

  n = storyline_event_get_n_related (event);
  for (guint i = 0; i < n; i++)
    {
      const StorylineRelation *relation = storyline_event_get_related (event, i);
      g_autofree char *text = NULL;
      GtkWidget *button;
      GtkWidget *label;

      /* Translators: a related event: how it relates, then its title */
      text = g_strdup_printf (_("%s: %s"), describe_relation (relation->relation),
                              storyline_event_get_title (relation->event));
      label = gtk_label_new (NULL);
      storyline_label_set_story_text (GTK_LABEL (label), text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-event");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", storyline_event_get_id (relation->event));
      gtk_box_append (self->related_box, button);
    }
  gtk_widget_set_visible (self->related_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->related_box), n > 0);

  n = storyline_event_get_n_quotes (event);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *card = storyline_quote_card_new (storyline_event_get_quote (event, i));

      storyline_quote_card_set_citation_style (STORYLINE_QUOTE_CARD (card), self->style);
      gtk_box_append (self->quotes_box, card);
    }
  gtk_widget_set_visible (self->quotes_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), n > 0);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  apply_search (self);
}

/* Once the quotes are laid out: the first whose words match the search in
 * view, a little below the top. Tried a frame at a time, as new cards are
 * measured in the frame after they are made. */
static gboolean
scroll_to_match (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  StorylineEventView *self = STORYLINE_EVENT_VIEW (widget);
  GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box));
  graphene_point_t point;

  /* The card found when the search was applied, by its place: the cards
   * may have gone since. */
  for (guint i = 0; card != NULL && i < self->scroll_index; i++)
    card = gtk_widget_get_next_sibling (card);
  if (card == NULL)
    {
      self->scroll_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (card) == 0 ||
      !gtk_widget_compute_point (card, GTK_WIDGET (self->details_box), &GRAPHENE_POINT_INIT (0, 0), &point) ||
      point.y <= 0)
    return ++self->scroll_tries < 60 ? G_SOURCE_CONTINUE : (self->scroll_source = 0, G_SOURCE_REMOVE);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), point.y - 12);
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

static void
apply_search (StorylineEventView *self)
{
  storyline_label_highlight (self->title_label, self->search);
  storyline_label_highlight (self->summary_label, self->search);
  storyline_label_highlight (self->place_label, self->search);

  /* The first quote the search is in: scrolled to once laid out. */
  if (self->scroll_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_source);
  self->scroll_source = 0;
  self->scroll_tries = 0;
  {
    gboolean found = FALSE;
    guint i = 0;

    for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box)); card != NULL;
         card = gtk_widget_get_next_sibling (card), i++)
      if (STORYLINE_IS_QUOTE_CARD (card))
        {
          storyline_quote_card_set_search (STORYLINE_QUOTE_CARD (card), self->search);
          if (!found && self->search != NULL && storyline_quote_card_matches (STORYLINE_QUOTE_CARD (card), self->search))
            {
              found = TRUE;
              self->scroll_index = i;
            }
        }
    if (found)
      self->scroll_source = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_match, NULL, NULL);
  }
}

/**
 * storyline_event_view_set_search:
 * @search: (nullable): the search as typed
 *
 * The search's words are highlighted in the event's title, summary, place
 * and quotes, and the first quote they are in is scrolled into view.
 */
void
storyline_event_view_set_search (StorylineEventView *self,
                                 const char         *search)
{
  g_return_if_fail (STORYLINE_IS_EVENT_VIEW (self));

  if (search != NULL && search[strspn (search, " ")] == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  apply_search (self);
}

/**
 * storyline_event_view_set_citation_style:
 *
 * The style the quotes' origins are cited in: the window's.
 */
void
storyline_event_view_set_citation_style (StorylineEventView     *self,
                                         StorylineCitationStyle  style)
{
  g_return_if_fail (STORYLINE_IS_EVENT_VIEW (self));

  if (self->style == style)
    return;
  self->style = style;
  for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    if (STORYLINE_IS_QUOTE_CARD (card))
      storyline_quote_card_set_citation_style (STORYLINE_QUOTE_CARD (card), style);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATION_STYLE]);
}

StorylineCitationStyle
storyline_event_view_get_citation_style (StorylineEventView *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_VIEW (self), STORYLINE_CITATION_APA);
  return self->style;
}

/**
 * storyline_event_view_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown
 */
StorylineEvent *
storyline_event_view_get_event (StorylineEventView *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_VIEW (self), NULL);
  return self->event;
}

void
storyline_event_view_set_event (StorylineEventView *self,
                                StorylineEvent     *event)
{
  g_return_if_fail (STORYLINE_IS_EVENT_VIEW (self));

  if (g_set_object (&self->event, event))
    update (self);
}

guint
storyline_event_view_get_n_quotes (StorylineEventView *self)
{
  guint n = 0;

  g_return_val_if_fail (STORYLINE_IS_EVENT_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (STORYLINE_IS_QUOTE_CARD (child))
      n++;
  return n;
}

static void
storyline_event_view_dispose (GObject *object)
{
  StorylineEventView *self = STORYLINE_EVENT_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_EVENT_VIEW);
  /* The template's top box has no id: a widget that is its own container
   * unparents it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->event);
  if (self->scroll_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_source);
  self->scroll_source = 0;
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (storyline_event_view_parent_class)->dispose (object);
}

static void
storyline_event_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StorylineEventView *self = STORYLINE_EVENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CITATION_STYLE:
      g_value_set_enum (value, self->style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_event_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StorylineEventView *self = STORYLINE_EVENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CITATION_STYLE:
      storyline_event_view_set_citation_style (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_event_view_class_init (StorylineEventViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_event_view_dispose;
  object_class->get_property = storyline_event_view_get_property;
  object_class->set_property = storyline_event_view_set_property;

  /**
   * StorylineEventView:citation-style:
   *
   * The style the quotes' origins are cited in: the sources pane's, bound
   * in the window's template.
   */
  properties[PROP_CITATION_STYLE] =
    g_param_spec_enum ("citation-style", NULL, NULL, STORYLINE_TYPE_CITATION_STYLE, STORYLINE_CITATION_APA,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-event-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, details_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, title_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, date_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, precision_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, place_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, sources_summary_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, single_source_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, actors_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, actors_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, notes_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, related_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, related_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, quotes_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventView, quotes_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventview");
}

static void
storyline_event_view_init (StorylineEventView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
