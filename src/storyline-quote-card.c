/* storyline-quote-card.c: one quote, what was said and who repeated it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "storyline-citation.h"
#include "storyline-clipboard.h"
#include "storyline-search.h"
#include "storyline-fidelity.h"
#include "storyline-quote-card.h"
#include "storyline-story-text.h"
#include "storyline-verdict-view.h"

struct _StorylineQuoteCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *text_label;
  GtkLabel *speaker_label;
  GtkLabel *said_label;
  GtkLabel *origin_label;
  GtkLabel *provenance_heading;
  GtkBox *provenance_box;
  GtkLabel *renditions_heading;
  GtkBox *renditions_box;

  /* Owned references */
  StorylineQuote *quote;
  StorylineCitationStyle style;   /* the window's, set by the event view */
};

enum {
  PROP_0,
  PROP_QUOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (StorylineQuoteCard, storyline_quote_card, GTK_TYPE_WIDGET)

/**
 * storyline_quote_dup_attributed:
 * @style: the StorylineCitationStyle its source is cited in
 * @html: (out) (optional) (transfer full): the same as HTML, every piece of
 *   text from the story escaped
 *
 * Returns: (transfer full): the original wording in quotation marks with
 *   its speaker, date and the source it was first issued in, as plain text
 */
char *
storyline_quote_dup_attributed (StorylineQuote  *quote,
                                int              style,
                                char           **html)
{
  StorylineActor *speaker = storyline_quote_get_speaker (quote);
  StorylineSource *origin = storyline_quote_get_origin (quote);
  g_autoptr(GString) who = g_string_new (storyline_actor_get_name (speaker));
  g_autofree char *citation = origin ? storyline_source_format_in_style (origin, style, STORYLINE_MARKUP_TEXT) : NULL;
  g_autofree char *citation_html = origin ? storyline_source_format_in_style (origin, style, STORYLINE_MARKUP_HTML) : NULL;
  GString *s = g_string_new (NULL);

  if (storyline_actor_get_role (speaker) != NULL)
    g_string_append_printf (who, ", %s", storyline_actor_get_role (speaker));
  if (storyline_date_is_set (storyline_quote_get_said (quote)))
    {
      g_autofree char *date = storyline_date_format (storyline_quote_get_said (quote));
      g_string_append_printf (who, ", %s", date);
    }

  /* Translators: a quotation in the quotation marks of your language */
  g_string_append_printf (s, _("“%s”"), storyline_quote_get_text (quote));
  g_string_append_printf (s, "\n— %s", who->str);
  if (citation != NULL)
    /* Translators: where a quote was first issued, then a citation */
    g_string_append_printf (s, "\n%s %s", _("Source:"), citation);

  if (html != NULL)
    {
      g_autofree char *text = g_markup_escape_text (storyline_quote_get_text (quote), -1);
      g_autofree char *who_html = g_markup_escape_text (who->str, -1);
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), text);
      GString *h = g_string_new ("<blockquote>");

      g_string_append_printf (h, "<p>%s</p><footer>— %s", quoted, who_html);
      if (citation_html != NULL)
        g_string_append_printf (h, "<br>%s %s", _("Source:"), citation_html);
      g_string_append (h, "</footer></blockquote>");
      *html = g_string_free (h, FALSE);
    }

  return g_string_free (s, FALSE);
}

/**
 * storyline_quote_card_set_search:
 * @search: (nullable): the search as typed, whose words the quote shows
 *   highlighted
 */
void
storyline_quote_card_set_search (StorylineQuoteCard *self,
                                 const char         *search)
{
  g_return_if_fail (STORYLINE_IS_QUOTE_CARD (self));
  storyline_label_highlight (self->text_label, search);
}

/**
 * storyline_quote_card_matches:
 *
 * Returns: whether a word of @search is in the quote or in a rendition of
 *   it, as the search finds words
 */
gboolean
storyline_quote_card_matches (StorylineQuoteCard *self,
                              const char         *search)
{
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (STORYLINE_IS_QUOTE_CARD (self), FALSE);

  if (search == NULL || self->quote == NULL)
    return FALSE;
  found = storyline_search_find (storyline_quote_get_text (self->quote), search);
  for (guint i = 0; found->len == 0 && i < storyline_quote_get_n_renditions (self->quote); i++)
    {
      g_clear_pointer (&found, g_array_unref);
      found = storyline_search_find (storyline_rendition_get_text (storyline_quote_get_rendition (self->quote, i)), search);
    }
  return found->len > 0;
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineQuoteCard *self = STORYLINE_QUOTE_CARD (widget);
  g_autofree char *html = NULL;
  g_autofree char *text = storyline_quote_dup_attributed (self->quote, self->style, &html);

  storyline_clipboard_set_text_and_html (gtk_widget_get_clipboard (widget), text, html);
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Quote copied, with who said it and where"));
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  storyline_label_set_story_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
make_rendition (StorylineQuote     *quote,
                StorylineRendition *rendition)
{
  StorylineSource *source = storyline_rendition_get_source (rendition);
  g_autoptr(StorylineFidelity) fidelity = storyline_fidelity_compare_in_language (storyline_quote_get_text (quote),
                                                                                 storyline_rendition_get_text (rendition),
                                                                                 storyline_quote_get_text_language (quote));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *verdict;
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changes = storyline_fidelity_describe_diff (fidelity);
  g_autofree char *accessible = NULL;
  g_autofree char *verdict_css = g_strdup_printf ("verdict-%s", storyline_verdict_to_string (fidelity->verdict));
  g_autofree char *explained = storyline_fidelity_describe (fidelity);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "rendition");
  gtk_widget_add_css_class (box, verdict_css);

  if (storyline_rendition_get_locator (rendition) != NULL)
    heading = g_strdup_printf ("%s (%s)", storyline_source_get_short_name (source),
                               storyline_rendition_get_locator (rendition));
  else
    heading = g_strdup (storyline_source_get_short_name (source));
  label = make_label (heading, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);

  verdict = storyline_verdict_badge_new (fidelity->verdict);
  gtk_box_append (GTK_BOX (header), verdict);
  gtk_box_append (GTK_BOX (box), header);

  text = g_strdup_printf (_("“%s”"), storyline_rendition_get_text (rendition));
  gtk_box_append (GTK_BOX (box), make_label (text, "rendition-text"));

  if (fidelity->verdict != STORYLINE_VERDICT_VERBATIM)
    gtk_box_append (GTK_BOX (box), make_label (explained, "dim-label"));

  if (fidelity->verdict != STORYLINE_VERDICT_VERBATIM &&
      fidelity->verdict != STORYLINE_VERDICT_PUNCTUATION)
    {
      GtkWidget *diff = storyline_word_diff_label_new (fidelity);

      gtk_accessible_update_property (GTK_ACCESSIBLE (diff),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Difference from the original"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, changes,
                                      -1);
      storyline_widget_set_story_tooltip (diff, changes);
      gtk_box_append (GTK_BOX (box), diff);
    }

  if (storyline_rendition_get_note (rendition) != NULL)
    {
      g_autofree char *note = NULL;

      /* Translators: what is known of a rendition's printed text, when it was rebuilt */
      note = g_strdup_printf (_("About this text: %s"), storyline_rendition_get_note (rendition));
      gtk_box_append (GTK_BOX (box), make_label (note, "rendition-note"));
    }

  if (storyline_rendition_get_prefix (rendition) != NULL || storyline_rendition_get_suffix (rendition) != NULL)
    {
      g_autofree char *context = NULL;

      /* Translators: a quote in the text around it: before, the quote, after */
      context = g_strdup_printf (_("In context: …%s%s%s…"),
                                 storyline_rendition_get_prefix (rendition) ? storyline_rendition_get_prefix (rendition) : "",
                                 storyline_rendition_get_text (rendition),
                                 storyline_rendition_get_suffix (rendition) ? storyline_rendition_get_suffix (rendition) : "");
      gtk_box_append (GTK_BOX (box), make_label (context, "dim-label"));
    }

  /* Announced as: the source, the verdict, what changed. */
  /* Translators: a rendition as a screen reader announces it: the source, the verdict in a sentence, the changes */
  accessible = g_strdup_printf (_("%s: %s %s"), storyline_source_get_short_name (source), explained, changes);
  if (storyline_rendition_get_note (rendition) != NULL)
    {
      char *with_note = g_strconcat (accessible, " ", storyline_rendition_get_note (rendition), NULL);
      g_free (accessible);
      accessible = with_note;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return box;
}

/* The path from the quote's origin to @source through derived_from, found
 * breadth first; just @source when it does not lead back to the origin. */
static GPtrArray *
chain_to (StorylineSource *origin,
          StorylineSource *source)
{
  g_autoptr(GHashTable) parent = g_hash_table_new (NULL, NULL);
  g_autoptr(GQueue) queue = g_queue_new ();
  GPtrArray *chain = g_ptr_array_new ();

  g_hash_table_insert (parent, source, source);
  g_queue_push_tail (queue, source);
  while (origin != NULL && !g_queue_is_empty (queue))
    {
      StorylineSource *s = g_queue_pop_head (queue);

      if (s == origin)
        {
          for (StorylineSource *step = s; ; step = g_hash_table_lookup (parent, step))
            {
              g_ptr_array_add (chain, step);
              if (step == source)
                return chain;
            }
        }
      for (guint i = 0; i < storyline_source_get_n_derived_from (s); i++)
        {
          StorylineSource *up = storyline_source_get_derived_from (s, i);
          if (!g_hash_table_contains (parent, up))
            {
              g_hash_table_insert (parent, up, s);
              g_queue_push_tail (queue, up);
            }
        }
    }

  g_ptr_array_add (chain, source);
  return chain;
}

static gboolean
is_prefix_of (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len >= b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static GtkWidget *
make_chain (GPtrArray *chain)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 2);
  gtk_widget_add_css_class (flow, "provenance-chain");

  for (guint i = 0; i < chain->len; i++)
    {
      StorylineSource *source = chain->pdata[i];
      g_autofree char *name = storyline_text_for_display (storyline_source_get_short_name (source));
      GtkWidget *button = gtk_button_new_with_label (name);

      if (i > 0)
        {
          GtkWidget *arrow = gtk_label_new ("→");
          gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("then"), -1);
          gtk_flow_box_append (GTK_FLOW_BOX (flow), arrow);
          gtk_widget_set_focusable (gtk_widget_get_parent (arrow), FALSE);
        }
      gtk_widget_add_css_class (button, "flat");
      storyline_widget_set_story_tooltip (button, storyline_source_get_title (source));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-source");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", storyline_source_get_id (source));
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  return flow;
}

/* Where the quote was issued, who reported it, who rewrote the report:
 * one line per path from the origin, shorter paths that a longer one
 * contains left out. */
static void
update_provenance (StorylineQuoteCard *self)
{
  StorylineQuote *quote = self->quote;
  StorylineSource *origin = storyline_quote_get_origin (quote);
  g_autoptr(GPtrArray) chains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint shown = 0;

  for (guint i = 0; i < storyline_quote_get_n_renditions (quote); i++)
    g_ptr_array_add (chains, chain_to (origin, storyline_rendition_get_source (storyline_quote_get_rendition (quote, i))));

  for (guint i = 0; i < chains->len; i++)
    {
      gboolean contained = FALSE;

      for (guint j = 0; j < chains->len && !contained; j++)
        contained = is_prefix_of (chains->pdata[i], chains->pdata[j]);
      for (guint j = 0; j < i && !contained; j++)
        {
          GPtrArray *a = chains->pdata[i], *b = chains->pdata[j];
          contained = a->len == b->len && memcmp (a->pdata, b->pdata, a->len * sizeof (gpointer)) == 0;
        }
      if (contained)
        continue;
      gtk_box_append (self->provenance_box, make_chain (chains->pdata[i]));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->provenance_heading), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->provenance_box), shown > 0);
}

/* "First issued in:" and the source cited in the window's style. */
static void
update_origin (StorylineQuoteCard *self)
{
  StorylineSource *origin = storyline_quote_get_origin (self->quote);

  if (origin != NULL)
    /* Translators: where a quote was first issued; a citation follows */
    storyline_label_set_citation (self->origin_label, _("First issued in:"), origin, self->style);
  gtk_widget_set_visible (GTK_WIDGET (self->origin_label), origin != NULL);
}

/**
 * storyline_quote_card_set_citation_style:
 *
 * Cites the quote's origin, on the card and when it is copied, in @style.
 */
void
storyline_quote_card_set_citation_style (StorylineQuoteCard     *self,
                                         StorylineCitationStyle  style)
{
  g_return_if_fail (STORYLINE_IS_QUOTE_CARD (self));

  if (self->style == style)
    return;
  self->style = style;
  update_origin (self);
}

static void
update (StorylineQuoteCard *self)
{
  StorylineQuote *quote = self->quote;
  StorylineActor *speaker = storyline_quote_get_speaker (quote);
  g_autofree char *text = g_strdup_printf (_("“%s”"), storyline_quote_get_text (quote));
  g_autofree char *said = NULL;
  g_autofree char *speaker_text = NULL;
  g_autofree char *accessible = NULL;
  guint n = storyline_quote_get_n_renditions (quote);
  GtkWidget *child;

  storyline_label_set_story_text (self->text_label, text);
  storyline_label_set_language (self->text_label, storyline_quote_get_text_language (quote));
  if (storyline_actor_get_role (speaker) != NULL)
    speaker_text = g_strdup_printf ("— %s, %s", storyline_actor_get_name (speaker), storyline_actor_get_role (speaker));
  else
    speaker_text = g_strdup_printf ("— %s", storyline_actor_get_name (speaker));
  storyline_label_set_story_text (self->speaker_label, speaker_text);

  if (storyline_date_is_set (storyline_quote_get_said (quote)))
    {
      g_autofree char *date = storyline_date_format (storyline_quote_get_said (quote));
      /* Translators: when a quote was said or issued */
      said = g_strdup_printf (_("Said: %s"), date);
    }
  gtk_label_set_text (self->said_label, said);
  gtk_widget_set_visible (GTK_WIDGET (self->said_label), said != NULL);

  update_origin (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->renditions_box))) != NULL)
    gtk_box_remove (self->renditions_box, child);
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->renditions_box, make_rendition (quote, storyline_quote_get_rendition (quote, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->renditions_heading), n > 0);
  update_provenance (self);
  gtk_widget_set_visible (GTK_WIDGET (self->renditions_box), n > 0);

  /* Translators: a quote as announced: its speaker, then its words */
  accessible = g_strdup_printf (_("Quote by %s"), storyline_actor_get_name (speaker));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, storyline_quote_get_text (quote), -1);
}

/**
 * storyline_quote_card_get_quote:
 *
 * Returns: (transfer none): the quote shown
 */
StorylineQuote *
storyline_quote_card_get_quote (StorylineQuoteCard *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE_CARD (self), NULL);
  return self->quote;
}

static void
storyline_quote_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StorylineQuoteCard *self = STORYLINE_QUOTE_CARD (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      g_value_set_object (value, self->quote);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_quote_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StorylineQuoteCard *self = STORYLINE_QUOTE_CARD (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      self->quote = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_quote_card_constructed (GObject *object)
{
  G_OBJECT_CLASS (storyline_quote_card_parent_class)->constructed (object);
  update (STORYLINE_QUOTE_CARD (object));
}

static void
storyline_quote_card_dispose (GObject *object)
{
  StorylineQuoteCard *self = STORYLINE_QUOTE_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_QUOTE_CARD);
  /* The template's top box has no id: a widget that is its own container
   * unparents it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->quote);

  G_OBJECT_CLASS (storyline_quote_card_parent_class)->dispose (object);
}

static void
storyline_quote_card_class_init (StorylineQuoteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = storyline_quote_card_constructed;
  object_class->dispose = storyline_quote_card_dispose;
  object_class->get_property = storyline_quote_card_get_property;
  object_class->set_property = storyline_quote_card_set_property;

  properties[PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL, STORYLINE_TYPE_QUOTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-quote-card.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, text_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, said_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, origin_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, provenance_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, provenance_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, renditions_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, renditions_box);

  gtk_widget_class_install_action (widget_class, "quote.copy", NULL, copy_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "quote.copy", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quotecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
storyline_quote_card_init (StorylineQuoteCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
storyline_quote_card_new (StorylineQuote *quote)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (quote), NULL);
  return g_object_new (STORYLINE_TYPE_QUOTE_CARD, "quote", quote, NULL);
}
