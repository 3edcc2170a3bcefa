/* storyline-quote-card.c: one quote, what was said and who repeated it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-citation.h"
#include "storyline-quote-card.h"
#include "storyline-story-text.h"

struct _StorylineQuoteCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *text_label;
  GtkLabel *speaker_label;
  GtkLabel *said_label;
  GtkLabel *origin_label;
  GtkLabel *renditions_heading;
  GtkBox *renditions_box;

  /* Owned references */
  StorylineQuote *quote;
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
 *
 * Returns: (transfer full): the original wording in quotation marks with
 *   its speaker, date and origin, as plain text
 */
char *
storyline_quote_dup_attributed (StorylineQuote *quote)
{
  StorylineActor *speaker = storyline_quote_get_speaker (quote);
  StorylineSource *origin = storyline_quote_get_origin (quote);
  GString *s = g_string_new (NULL);

  /* Translators: a quotation in the quotation marks of your language */
  g_string_append_printf (s, _("“%s”"), storyline_quote_get_text (quote));
  g_string_append_printf (s, "\n— %s", storyline_actor_get_name (speaker));
  if (storyline_actor_get_role (speaker) != NULL)
    g_string_append_printf (s, ", %s", storyline_actor_get_role (speaker));
  if (storyline_date_is_set (storyline_quote_get_said (quote)))
    {
      g_autofree char *date = storyline_date_format (storyline_quote_get_said (quote));
      g_string_append_printf (s, ", %s", date);
    }
  if (origin != NULL)
    {
      g_autofree char *citation = storyline_source_format_simple (origin);
      /* Translators: where a quote was first issued, then a citation */
      g_string_append_printf (s, "\n%s %s", _("Source:"), citation);
    }
  return g_string_free (s, FALSE);
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineQuoteCard *self = STORYLINE_QUOTE_CARD (widget);
  g_autofree char *text = storyline_quote_dup_attributed (self->quote);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
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
make_rendition (StorylineRendition *rendition)
{
  StorylineSource *source = storyline_rendition_get_source (rendition);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;

  gtk_widget_add_css_class (box, "rendition");

  if (storyline_rendition_get_locator (rendition) != NULL)
    heading = g_strdup_printf ("%s (%s)", storyline_source_get_short_name (source),
                               storyline_rendition_get_locator (rendition));
  else
    heading = g_strdup (storyline_source_get_short_name (source));
  label = make_label (heading, "heading");
  gtk_box_append (GTK_BOX (box), label);

  text = g_strdup_printf (_("“%s”"), storyline_rendition_get_text (rendition));
  gtk_box_append (GTK_BOX (box), make_label (text, "rendition-text"));

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

  return box;
}

static void
update (StorylineQuoteCard *self)
{
  StorylineQuote *quote = self->quote;
  StorylineActor *speaker = storyline_quote_get_speaker (quote);
  StorylineSource *origin = storyline_quote_get_origin (quote);
  g_autofree char *text = g_strdup_printf (_("“%s”"), storyline_quote_get_text (quote));
  g_autofree char *said = NULL;
  g_autofree char *origin_text = NULL;
  g_autofree char *speaker_text = NULL;
  g_autofree char *accessible = NULL;
  guint n = storyline_quote_get_n_renditions (quote);
  GtkWidget *child;

  storyline_label_set_story_text (self->text_label, text);
  if (storyline_actor_get_role (speaker) != NULL)
    speaker_text = g_strdup_printf ("— %s, %s", storyline_actor_get_name (speaker), storyline_actor_get_role (speaker));
  else
    speaker_text = g_strdup_printf ("— %s", storyline_actor_get_name (speaker));
  gtk_label_set_text (self->speaker_label, speaker_text);

  if (storyline_date_is_set (storyline_quote_get_said (quote)))
    {
      g_autofree char *date = storyline_date_format (storyline_quote_get_said (quote));
      /* Translators: when a quote was said or issued */
      said = g_strdup_printf (_("Said: %s"), date);
    }
  gtk_label_set_text (self->said_label, said);
  gtk_widget_set_visible (GTK_WIDGET (self->said_label), said != NULL);

  if (origin != NULL)
    {
      g_autofree char *citation = storyline_source_format_simple (origin);
      /* Translators: where a quote was first issued, then a citation */
      origin_text = g_strdup_printf (_("First issued in: %s"), citation);
    }
  gtk_label_set_text (self->origin_label, origin_text);
  gtk_widget_set_visible (GTK_WIDGET (self->origin_label), origin_text != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->renditions_box))) != NULL)
    gtk_box_remove (self->renditions_box, child);
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->renditions_box, make_rendition (storyline_quote_get_rendition (quote, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->renditions_heading), n > 0);
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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-quote-card.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, text_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, said_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteCard, origin_label);
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
