/* storyline-verdict-view.c: how a rendition differs from the words issued
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-story-text.h"
#include "storyline-verdict-view.h"

/* The verdict in a word, what it means in a sentence, and the words that
 * changed, for the form that edits a rendition: it follows the text as
 * it is typed. The quote card shows a rendition with the same pieces. */

struct _StorylineVerdictView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox *box;
  GtkBox *header;
  GtkLabel *explanation_label;

  GtkWidget *badge;
  GtkWidget *diff;
  char *original;              /* the texts compared, for a comparison when typing pauses */
  char *rendition;
  char *language;
  guint pending_source;
};

/* Texts longer than this (in bytes of both) are compared when typing
 * pauses for this long: comparing two 1,000-word texts and laying out
 * their difference at every keystroke would take more than a frame;
 * the verdict shown meanwhile is dimmed. */
#define LONG_TEXTS 4000
#define PAUSE_MS 150

G_DEFINE_FINAL_TYPE (StorylineVerdictView, storyline_verdict_view, GTK_TYPE_WIDGET)

/**
 * storyline_verdict_title:
 *
 * Returns: (transfer none): the verdict in a word or two, as its badge
 *   shows it
 */
const char *
storyline_verdict_title (StorylineVerdict verdict)
{
  switch (verdict)
    {
    case STORYLINE_VERDICT_VERBATIM:
      return _("Verbatim");
    case STORYLINE_VERDICT_PUNCTUATION:
      return _("Punctuation differs");
    case STORYLINE_VERDICT_SPELLING:
      return _("Spelling differs");
    case STORYLINE_VERDICT_EXCERPT:
      return _("Excerpt");
    case STORYLINE_VERDICT_MARKED:
      /* Translators: a quote whose every change is marked by an ellipsis or square brackets */
      return _("Marked");
    case STORYLINE_VERDICT_ALTERED:
    default:
      return _("Altered");
    }
}

static void
add_attribute (PangoAttrList  *attrs,
               PangoAttribute *attr,
               gsize           start,
               gsize           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* What was left out is struck and faded; what was put in, underlined,
 * and bold when nothing marks it. */
static void
style_span (StorylineDiffKind kind,
            StorylineDiffSide side,
            gsize             start,
            gsize             end,
            gpointer          user_data)
{
  PangoAttrList *attrs = user_data;

  if (side == STORYLINE_DIFF_SIDE_ORIGINAL)
    {
      add_attribute (attrs, pango_attr_strikethrough_new (TRUE), start, end);
      add_attribute (attrs, pango_attr_foreground_alpha_new (40000), start, end);
      if (kind == STORYLINE_DIFF_OMITTED)
        add_attribute (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
    }
  else
    {
      add_attribute (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start, end);
      if (kind != STORYLINE_DIFF_INSERTED)
        add_attribute (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
    }
}

/* The difference drawn on the rendition as printed, with its own markers —
 * [−left out−] and {+put in+}, as on the command line — so it reads
 * without colour or styles. No markup is ever parsed: the styles are
 * attributes on byte ranges. */
/**
 * storyline_verdict_badge_new:
 *
 * Returns: (transfer floating): the verdict's badge, its meaning in the
 *   tooltip
 */
GtkWidget *
storyline_verdict_badge_new (StorylineVerdict verdict)
{
  GtkWidget *badge = gtk_label_new (storyline_verdict_title (verdict));
  g_autofree char *css = g_strdup_printf ("verdict-%s", storyline_verdict_to_string (verdict));

  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (badge, storyline_verdict_describe (verdict));
  gtk_widget_add_css_class (badge, "verdict");
  gtk_widget_add_css_class (badge, css);
  return badge;
}

/**
 * storyline_word_diff_label_new:
 *
 * Returns: (transfer floating): a label with the rendition as printed,
 *   what was left out and put in marked
 */
GtkWidget *
storyline_word_diff_label_new (const StorylineFidelity *fidelity)
{
  static const char * const markers[] = { "[−", "−]", "{+", "+}" };
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  storyline_fidelity_write_diff (fidelity, text, markers, style_span, attrs);

  /* A very long quote's difference is cut for display, as its text is. */
  if (text->len > 60000)
    {
      const char *cut = g_utf8_find_prev_char (text->str, text->str + 60000);
      g_string_truncate (text, cut - text->str);
      g_string_append (text, " …");
    }

  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "word-diff");
  return label;
}

static void
storyline_verdict_view_dispose (GObject *object)
{
  StorylineVerdictView *self = STORYLINE_VERDICT_VIEW (object);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_pointer (&self->original, g_free);
  g_clear_pointer (&self->rendition, g_free);
  g_clear_pointer (&self->language, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), STORYLINE_TYPE_VERDICT_VIEW);
  G_OBJECT_CLASS (storyline_verdict_view_parent_class)->dispose (object);
}

static void
storyline_verdict_view_class_init (StorylineVerdictViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_verdict_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-verdict-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineVerdictView, box);
  gtk_widget_class_bind_template_child (widget_class, StorylineVerdictView, header);
  gtk_widget_class_bind_template_child (widget_class, StorylineVerdictView, explanation_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_verdict_view_init (StorylineVerdictView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), FALSE);
}

/* The words that changed, for @fidelity: the label made again only when
 * there are some to show. */
static void
show_diff (StorylineVerdictView    *self,
           const StorylineFidelity *fidelity)
{
  g_autofree char *changes = NULL;

  if (self->diff != NULL)
    gtk_box_remove (self->box, g_steal_pointer (&self->diff));
  if (fidelity == NULL ||
      fidelity->verdict == STORYLINE_VERDICT_VERBATIM ||
      fidelity->verdict == STORYLINE_VERDICT_PUNCTUATION)
    return;
  changes = storyline_fidelity_describe_diff (fidelity);
  self->diff = storyline_word_diff_label_new (fidelity);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->diff),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Difference from the original"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, changes,
                                  -1);
  gtk_box_append (self->box, self->diff);
}

/* The verdict, what it means and the words that changed, for the texts
 * last given. */
static void
show_comparison (StorylineVerdictView *self)
{
  g_autoptr(StorylineFidelity) fidelity = NULL;
  g_autofree char *explained = NULL;
  gboolean empty;

  if (self->badge != NULL)
    gtk_box_remove (self->header, g_steal_pointer (&self->badge));
  gtk_widget_set_opacity (GTK_WIDGET (self->box), 1.0);

  empty = self->original == NULL || *self->original == '\0' || self->rendition == NULL || *self->rendition == '\0';
  gtk_widget_set_visible (GTK_WIDGET (self->box), !empty);
  if (empty)
    {
      show_diff (self, NULL);
      return;
    }

  fidelity = storyline_fidelity_compare_in_language (self->original, self->rendition, self->language);
  self->badge = storyline_verdict_badge_new (fidelity->verdict);
  gtk_box_append (self->header, self->badge);

  explained = storyline_fidelity_describe (fidelity);
  storyline_label_set_story_text (self->explanation_label, explained);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), fidelity->verdict != STORYLINE_VERDICT_VERBATIM);
  show_diff (self, fidelity);
  /* Read out as the verdict changes while the words are typed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explained, -1);
}

static gboolean
show_pending (gpointer data)
{
  StorylineVerdictView *self = data;

  self->pending_source = 0;
  show_comparison (self);
  return G_SOURCE_REMOVE;
}

/**
 * storyline_verdict_view_set_texts:
 * @original: (nullable): the words as issued
 * @rendition: (nullable): the words as a source printed them
 * @language: (nullable): the language of both
 *
 * Shows how @rendition differs from @original; nothing while either is
 * missing. Long texts are compared when the calls pause.
 */
void
storyline_verdict_view_set_texts (StorylineVerdictView *self,
                                  const char           *original,
                                  const char           *rendition,
                                  const char           *language)
{
  g_return_if_fail (STORYLINE_IS_VERDICT_VIEW (self));

  if (g_strcmp0 (original, self->original) == 0 && g_strcmp0 (rendition, self->rendition) == 0 &&
      g_strcmp0 (language, self->language) == 0 && self->badge != NULL)
    return;
  g_free (self->original);
  g_free (self->rendition);
  g_free (self->language);
  self->original = g_strdup (original);
  self->rendition = g_strdup (rendition);
  self->language = g_strdup (language);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  if ((original ? strlen (original) : 0) + (rendition ? strlen (rendition) : 0) < LONG_TEXTS || self->badge == NULL)
    show_comparison (self);
  else
    {
      gtk_widget_set_opacity (GTK_WIDGET (self->box), 0.5);
      self->pending_source = g_timeout_add (PAUSE_MS, show_pending, self);
    }
}
