/* storyline-sources-pane.c: the sources behind the selected event, as citations
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-source-card.h"
#include "storyline-source-editor.h"
#include "storyline-form.h"
#include "storyline-sources-pane.h"

struct _StorylineSourcesPane
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkDropDown *style_dropdown;
  GtkWidget *no_sources_label;
  GtkBox *sources_box;

  /* Owned references */
  StorylineEvent *event;
  StorylineEditHistory *history;  /* in Edit mode: each card has its form */

  /* Borrowed references: the event's story keeps it */
  StorylineSource *selected_source;

  StorylineCitationStyle style;
};

G_DEFINE_FINAL_TYPE (StorylineSourcesPane, storyline_sources_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_CITATION_STYLE,
  PROP_SELECTED_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The styles the dropdown offers, in its order. */
static const StorylineCitationStyle dropdown_styles[] = {
  STORYLINE_CITATION_APA,
  STORYLINE_CITATION_CHICAGO,
  STORYLINE_CITATION_MLA,
};

static void
mark_selected (StorylineSourcesPane *self)
{
  if (self->sources_box == NULL)   /* disposed */
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (STORYLINE_IS_SOURCE_CARD (child) &&
          storyline_source_card_get_source (STORYLINE_SOURCE_CARD (child)) == self->selected_source)
        gtk_widget_add_css_class (child, "shown-source");
      else
        gtk_widget_remove_css_class (child, "shown-source");
    }
}

static void
card_pressed (GtkGestureClick      *gesture,
              int                   n_press,
              double                x,
              double                y,
              StorylineSourcesPane *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  storyline_sources_pane_set_selected_source (self, storyline_source_card_get_source (STORYLINE_SOURCE_CARD (card)));
}

static void
card_focused (GtkEventControllerFocus *controller,
              StorylineSourcesPane    *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  storyline_sources_pane_set_selected_source (self, storyline_source_card_get_source (STORYLINE_SOURCE_CARD (card)));
}

/* The form of a source, made when its expander is first opened. */
static void
expander_toggled (GtkExpander          *expander,
                  GParamSpec           *pspec,
                  StorylineSourcesPane *self)
{
  StorylineSource *source = g_object_get_data (G_OBJECT (expander), "source");

  if (gtk_expander_get_expanded (expander) && gtk_expander_get_child (expander) == NULL && self->history != NULL)
    {
      GtkWidget *editor = storyline_source_editor_new (self->history, source, self->style);

      gtk_widget_set_margin_top (editor, 6);
      gtk_expander_set_child (expander, editor);
    }
}

static GtkWidget *
edit_expander (StorylineSourcesPane *self,
               StorylineSource      *source)
{
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Edit This Source"));

  g_object_set_data_full (G_OBJECT (expander), "source", g_object_ref (source), g_object_unref);
  gtk_widget_add_css_class (expander, "source-edit-expander");
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expander_toggled), self, 0);
  return expander;
}

static void
add_card (StorylineSourcesPane     *self,
          const StorylineSourceRef *ref,
          GHashTable               *shown)
{
  GtkWidget *card;
  GtkGesture *click;
  GtkEventController *focus;

  if (!g_hash_table_add (shown, ref->source))
    return;

  card = storyline_source_card_new (ref, self->style);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (card_pressed), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (card_focused), self, 0);
  gtk_widget_add_controller (card, focus);
  gtk_box_append (self->sources_box, card);
  if (self->history != NULL)
    {
      gtk_widget_add_css_class (card, "editing");
      gtk_box_append (self->sources_box, edit_expander (self, ref->source));
    }
}

/* The event's own sources, then those its quotes appeared in, so that
 * every link of a quote's provenance is a card here. */
static void
rebuild (StorylineSourcesPane *self)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  StorylineEvent *event = self->event;
  GtkWidget *child;
  guint n = event ? storyline_event_get_n_sources (event) : 0;
  guint n_cited;

  if (self->sources_box == NULL)   /* disposed */
    return;
  storyline_form_release_focus (GTK_WIDGET (self->sources_box), NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))) != NULL)
    gtk_box_remove (self->sources_box, child);
  storyline_sources_pane_set_selected_source (self, NULL);

  for (guint i = 0; i < n; i++)
    add_card (self, storyline_event_get_source (event, i), shown);
  n_cited = g_hash_table_size (shown);

  for (guint i = 0; event && i < storyline_event_get_n_quotes (event); i++)
    {
      StorylineQuote *quote = storyline_event_get_quote (event, i);
      StorylineSourceRef ref = { storyline_quote_get_origin (quote), NULL, NULL };
      GtkWidget *heading = NULL;

      if (g_hash_table_size (shown) == n_cited)
        {
          heading = gtk_label_new (_("Where its quotes appeared"));
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "title-4");
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Where its quotes appeared"), -1);
          gtk_box_append (self->sources_box, heading);
        }
      if (ref.source != NULL)
        add_card (self, &ref, shown);
      for (guint j = 0; j < storyline_quote_get_n_renditions (quote); j++)
        {
          ref.source = storyline_rendition_get_source (storyline_quote_get_rendition (quote, j));
          add_card (self, &ref, shown);
        }
      if (heading != NULL && g_hash_table_size (shown) == n_cited)
        gtk_box_remove (self->sources_box, heading);
    }

  gtk_widget_set_visible (self->no_sources_label, event != NULL && n == 0);
}

static void
style_selected (StorylineSourcesPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->style_dropdown);

  storyline_sources_pane_set_citation_style (self, selected < G_N_ELEMENTS (dropdown_styles) ?
                                                   dropdown_styles[selected] : STORYLINE_CITATION_APA);
}

/* A source edited (here, or undone): its card shows it as it is now. */
static void
source_changed (StorylineSourcesPane *self,
                StorylineSource      *source)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (STORYLINE_IS_SOURCE_CARD (child))
      storyline_source_card_refresh (STORYLINE_SOURCE_CARD (child));
}

/**
 * storyline_sources_pane_set_history:
 * @history: (nullable): the edit history of the story shown, in Edit
 *   mode; %NULL to only read
 *
 * In Edit mode, each source's card has the form that edits it.
 */
void
storyline_sources_pane_set_history (StorylineSourcesPane *self,
                                    StorylineEditHistory *history)
{
  g_return_if_fail (STORYLINE_IS_SOURCES_PANE (self));

  if (self->history == history)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (storyline_edit_history_get_story (self->history), self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (storyline_edit_history_get_story (history), "source-changed",
                             G_CALLBACK (source_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * storyline_sources_pane_has_problems:
 *
 * Returns: whether a source's form holds a value that breaks a rule
 */
gboolean
storyline_sources_pane_has_problems (StorylineSourcesPane *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_EXPANDER (child) && gtk_expander_get_child (GTK_EXPANDER (child)) != NULL &&
        storyline_source_editor_has_problems (STORYLINE_SOURCE_EDITOR (gtk_expander_get_child (GTK_EXPANDER (child)))))
      return TRUE;
  return FALSE;
}

/**
 * storyline_sources_pane_get_event:
 *
 * Returns: (transfer none) (nullable): the event whose sources are shown
 */
StorylineEvent *
storyline_sources_pane_get_event (StorylineSourcesPane *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), NULL);
  return self->event;
}

/**
 * storyline_sources_pane_set_event:
 * @event: (nullable): the event whose sources to show. A reference is taken.
 */
void
storyline_sources_pane_set_event (StorylineSourcesPane *self,
                                  StorylineEvent       *event)
{
  g_return_if_fail (STORYLINE_IS_SOURCES_PANE (self));

  /* Set again, the cards are made again: the window relies on it. */
  g_set_object (&self->event, event);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

StorylineCitationStyle
storyline_sources_pane_get_citation_style (StorylineSourcesPane *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), STORYLINE_CITATION_APA);
  return self->style;
}

/**
 * storyline_sources_pane_set_citation_style:
 *
 * Shows the citations in @style. A style the dropdown does not offer
 * (Chicago's notes) is not taken.
 */
void
storyline_sources_pane_set_citation_style (StorylineSourcesPane   *self,
                                           StorylineCitationStyle  style)
{
  g_return_if_fail (STORYLINE_IS_SOURCES_PANE (self));

  for (guint i = 0; i < G_N_ELEMENTS (dropdown_styles); i++)
    if (dropdown_styles[i] == style)
      {
        if (gtk_drop_down_get_selected (self->style_dropdown) != i)
          gtk_drop_down_set_selected (self->style_dropdown, i);
        if (self->style == style)
          return;
        self->style = style;
        rebuild (self);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATION_STYLE]);
        return;
      }
}

/**
 * storyline_sources_pane_get_selected_source:
 *
 * Returns: (transfer none) (nullable): the source whose card is marked
 */
StorylineSource *
storyline_sources_pane_get_selected_source (StorylineSourcesPane *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), NULL);
  return self->selected_source;
}

void
storyline_sources_pane_set_selected_source (StorylineSourcesPane *self,
                                            StorylineSource      *source)
{
  g_return_if_fail (STORYLINE_IS_SOURCES_PANE (self));

  if (self->selected_source == source)
    return;
  self->selected_source = source;
  mark_selected (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SOURCE]);
}

static GtkWidget *
find_card (StorylineSourcesPane *self,
           StorylineSource      *source)
{
  if (self->sources_box == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (STORYLINE_IS_SOURCE_CARD (child) &&
        storyline_source_card_get_source (STORYLINE_SOURCE_CARD (child)) == source)
      return child;
  return NULL;
}

/**
 * storyline_sources_pane_has_card:
 *
 * Returns: whether the pane shows a card for @source
 */
gboolean
storyline_sources_pane_has_card (StorylineSourcesPane *self,
                                 StorylineSource      *source)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), FALSE);
  return find_card (self, source) != NULL;
}

/**
 * storyline_sources_pane_show_source:
 *
 * Marks @source's card and moves the focus into it.
 *
 * Returns: whether the pane has a card for @source
 */
gboolean
storyline_sources_pane_show_source (StorylineSourcesPane *self,
                                    StorylineSource      *source)
{
  GtkWidget *card;

  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), FALSE);

  card = find_card (self, source);
  if (card == NULL)
    return FALSE;
  storyline_sources_pane_set_selected_source (self, source);
  gtk_widget_child_focus (card, GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/**
 * storyline_sources_pane_get_n_cards:
 *
 * Returns: how many source cards the pane shows: the event's own sources
 *   and those its quotes appeared in
 */
guint
storyline_sources_pane_get_n_cards (StorylineSourcesPane *self)
{
  guint n = 0;

  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), 0);

  if (self->sources_box == NULL)
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (STORYLINE_IS_SOURCE_CARD (child))
      n++;
  return n;
}

/**
 * storyline_sources_pane_dup_citations:
 * @html: (out) (transfer full): the same as HTML paragraphs
 *
 * Returns: (transfer full) (nullable): every source the event cites, in
 *   the pane's style, a line each; %NULL with no event
 */
char *
storyline_sources_pane_dup_citations (StorylineSourcesPane  *self,
                                      char                 **html)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);

  g_return_val_if_fail (STORYLINE_IS_SOURCES_PANE (self), NULL);

  *html = NULL;
  if (self->event == NULL)
    return NULL;
  for (guint i = 0; i < storyline_event_get_n_sources (self->event); i++)
    {
      StorylineSource *source = storyline_event_get_source (self->event, i)->source;
      g_autofree char *t = storyline_source_format_in_style (source, self->style, STORYLINE_MARKUP_TEXT);
      g_autofree char *h = storyline_source_format_in_style (source, self->style, STORYLINE_MARKUP_HTML);

      g_string_append_printf (text, "%s\n", t);
      g_string_append_printf (markup, "<p>%s</p>\n", h);
    }
  *html = g_string_free (g_steal_pointer (&markup), FALSE);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
storyline_sources_pane_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StorylineSourcesPane *self = STORYLINE_SOURCES_PANE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_CITATION_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_SELECTED_SOURCE:
      g_value_set_object (value, self->selected_source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_sources_pane_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StorylineSourcesPane *self = STORYLINE_SOURCES_PANE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      storyline_sources_pane_set_event (self, g_value_get_object (value));
      break;
    case PROP_CITATION_STYLE:
      storyline_sources_pane_set_citation_style (self, g_value_get_enum (value));
      break;
    case PROP_SELECTED_SOURCE:
      storyline_sources_pane_set_selected_source (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_sources_pane_dispose (GObject *object)
{
  StorylineSourcesPane *self = STORYLINE_SOURCES_PANE (object);
  GtkWidget *child;

  self->selected_source = NULL;
  g_clear_object (&self->event);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_SOURCES_PANE);
  /* GTK 4.8 disposes only the template's named children: the rest is
   * unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_sources_pane_parent_class)->dispose (object);
}

static void
storyline_sources_pane_class_init (StorylineSourcesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_sources_pane_dispose;
  object_class->get_property = storyline_sources_pane_get_property;
  object_class->set_property = storyline_sources_pane_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, STORYLINE_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITATION_STYLE] =
    g_param_spec_enum ("citation-style", NULL, NULL, STORYLINE_TYPE_CITATION_STYLE, STORYLINE_CITATION_APA,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_SOURCE] =
    g_param_spec_object ("selected-source", NULL, NULL, STORYLINE_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-sources-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineSourcesPane, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourcesPane, no_sources_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourcesPane, sources_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_sources_pane_init (StorylineSourcesPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Connected here, so that gtk4-builder-tool validates the .ui alone. */
  g_signal_connect_object (self->style_dropdown, "notify::selected", G_CALLBACK (style_selected), self, G_CONNECT_SWAPPED);
  rebuild (self);
}
