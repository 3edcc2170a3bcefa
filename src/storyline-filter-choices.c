/* storyline-filter-choices.c: the actor, type and tag an event list is narrowed to
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-filter-choices.h"
#include "storyline-search.h"
#include "storyline-story-text.h"

/* Three dropdowns, each "All …" then the story's choices, kept in step
 * with the filter both ways: a choice sets the filter, and a filter set
 * elsewhere (a link in the event pane, Clear Filters) moves the choice. */
struct _StorylineFilterChoices
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkDropDown *actor_dropdown;
  GtkDropDown *type_dropdown;
  GtkDropDown *tag_dropdown;

  /* Owned references */
  StorylineEventFilter *filter;
  GPtrArray *actor_choices;        /* StorylineActor, after "All" in the dropdown */
  GPtrArray *type_choices;         /* char* */
  GPtrArray *tag_choices;          /* char* */

  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (StorylineFilterChoices, storyline_filter_choices, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_dropdown (StorylineFilterChoices *self,
               GtkDropDown            *dropdown,
               GPtrArray              *choices,
               gconstpointer           current,
               gboolean                strings)
{
  guint position = 0;

  for (guint i = 0; current != NULL && i < choices->len; i++)
    if (strings ? g_str_equal (choices->pdata[i], current) : choices->pdata[i] == current)
      position = i + 1;

  self->syncing = TRUE;
  gtk_drop_down_set_selected (dropdown, position);
  self->syncing = FALSE;
}

static void
sync_dropdowns (StorylineFilterChoices *self)
{
  if (self->filter == NULL || self->actor_dropdown == NULL)
    return;
  sync_dropdown (self, self->actor_dropdown, self->actor_choices, storyline_event_filter_get_actor (self->filter), FALSE);
  sync_dropdown (self, self->type_dropdown, self->type_choices, storyline_event_filter_get_event_type (self->filter), TRUE);
  sync_dropdown (self, self->tag_dropdown, self->tag_choices, storyline_event_filter_get_tag (self->filter), TRUE);
}

static void
dropdown_changed (StorylineFilterChoices *self,
                  GParamSpec             *pspec,
                  GtkDropDown            *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  gpointer choice = NULL;

  if (self->syncing || self->filter == NULL)
    return;

  if (dropdown == self->actor_dropdown)
    {
      choice = selected > 0 && selected <= self->actor_choices->len ? self->actor_choices->pdata[selected - 1] : NULL;
      storyline_event_filter_set_actor (self->filter, choice);
    }
  else if (dropdown == self->type_dropdown)
    {
      choice = selected > 0 && selected <= self->type_choices->len ? self->type_choices->pdata[selected - 1] : NULL;
      storyline_event_filter_set_event_type (self->filter, choice);
    }
  else
    {
      choice = selected > 0 && selected <= self->tag_choices->len ? self->tag_choices->pdata[selected - 1] : NULL;
      storyline_event_filter_set_tag (self->filter, choice);
    }
}

/* The actor dropdown's search.
 *
 * GTK 4.8's GtkDropDown matches its search against the start of what its
 * expression gives for each item, and nothing else (GTK 4.12 added other
 * modes): typing "Mirza" would not find "Sahir Shamshad Mirza". So the
 * expression answers for each name with the search itself when the name
 * holds it anywhere, case and accents aside (as Storyline's search finds
 * words), and with nothing otherwise; and the items are shown by a factory
 * of their own rather than through that expression. */
static GtkEditable *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
search_key (GtkStringObject *item,
            GtkDropDown     *dropdown)
{
  GtkEditable *entry = find_search_entry (GTK_WIDGET (dropdown));
  const char *search = entry != NULL ? gtk_editable_get_text (entry) : NULL;
  const char *name = gtk_string_object_get_string (item);
  g_autoptr(GArray) found = NULL;

  if (search == NULL || *search == '\0')
    return g_strdup (name);
  found = storyline_search_find (name, search);
  /* Not "" for a name that does not match: GTK 4.8's string filter leaks
   * an empty value. A control character is never typed first. */
  return g_strdup (found->len > 0 ? search : "\001");
}

static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
set_up_search (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (search_key), dropdown, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_expression_unref (expression);
}

static void
fill_dropdown (GtkDropDown *dropdown,
               const char  *all,
               GPtrArray   *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < labels->len; i++)
    {
      g_autofree char *shown = storyline_text_for_display (labels->pdata[i]);
      gtk_string_list_append (list, shown);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

/* As a reader sorts: case aside first ("Bangladesh" before "BD Voice",
 * whatever the locale), then by the locale's collation. */
static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  int cmp = g_utf8_collate (fa, fb);

  return cmp != 0 ? cmp : g_utf8_collate (a, b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return compare_text (*(const char **) a, *(const char **) b);
}

static int
compare_actors (gconstpointer a,
                gconstpointer b)
{
  return compare_text (storyline_actor_get_name (*(StorylineActor **) a),
                       storyline_actor_get_name (*(StorylineActor **) b));
}

/**
 * storyline_filter_choices_set_story:
 *
 * Offers @story's actors (those in an event), types and tags, and shows
 * the filter's choices among them.
 */
void
storyline_filter_choices_set_story (StorylineFilterChoices *self,
                                    StorylineStory         *story)
{
  GPtrArray *actors;
  GPtrArray *events;
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (STORYLINE_IS_FILTER_CHOICES (self));
  g_return_if_fail (STORYLINE_IS_STORY (story));

  actors = storyline_story_get_actors (story);
  events = storyline_story_get_events (story);
  self->syncing = TRUE;

  g_ptr_array_set_size (self->actor_choices, 0);
  for (guint i = 0; i < actors->len; i++)
    if (storyline_actor_get_n_events (actors->pdata[i]) > 0)
      g_ptr_array_add (self->actor_choices, actors->pdata[i]);
  g_ptr_array_sort (self->actor_choices, compare_actors);
  for (guint i = 0; i < self->actor_choices->len; i++)
    g_ptr_array_add (names, (gpointer) storyline_actor_get_name (self->actor_choices->pdata[i]));
  fill_dropdown (self->actor_dropdown, _("All actors"), names);

  g_ptr_array_set_size (self->type_choices, 0);
  g_ptr_array_set_size (self->tag_choices, 0);
  for (guint i = 0; i < events->len; i++)
    {
      const char *type = storyline_event_get_event_type (events->pdata[i]);
      const char * const *event_tags = storyline_event_get_tags (events->pdata[i]);

      if (type != NULL && g_hash_table_add (types, (gpointer) type))
        g_ptr_array_add (self->type_choices, g_strdup (type));
      for (guint j = 0; event_tags && event_tags[j]; j++)
        if (g_hash_table_add (tags, (gpointer) event_tags[j]))
          g_ptr_array_add (self->tag_choices, g_strdup (event_tags[j]));
    }
  g_ptr_array_sort (self->type_choices, compare_strings);
  g_ptr_array_sort (self->tag_choices, compare_strings);
  fill_dropdown (self->type_dropdown, _("All types"), self->type_choices);
  fill_dropdown (self->tag_dropdown, _("All tags"), self->tag_choices);

  self->syncing = FALSE;
  sync_dropdowns (self);
}

/**
 * storyline_filter_choices_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter the choices set
 */
StorylineEventFilter *
storyline_filter_choices_get_filter (StorylineFilterChoices *self)
{
  g_return_val_if_fail (STORYLINE_IS_FILTER_CHOICES (self), NULL);
  return self->filter;
}

/**
 * storyline_filter_choices_set_filter:
 * @filter: (nullable): the filter to set and follow. A reference is taken.
 */
void
storyline_filter_choices_set_filter (StorylineFilterChoices *self,
                                     StorylineEventFilter   *filter)
{
  g_return_if_fail (STORYLINE_IS_FILTER_CHOICES (self));

  if (self->filter == filter)
    return;
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, sync_dropdowns, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (sync_dropdowns), self, G_CONNECT_SWAPPED);
  sync_dropdowns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
storyline_filter_choices_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StorylineFilterChoices *self = STORYLINE_FILTER_CHOICES (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_filter_choices_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  StorylineFilterChoices *self = STORYLINE_FILTER_CHOICES (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      storyline_filter_choices_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_filter_choices_dispose (GObject *object)
{
  StorylineFilterChoices *self = STORYLINE_FILTER_CHOICES (object);
  GtkWidget *child;

  storyline_filter_choices_set_filter (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_FILTER_CHOICES);
  /* GTK 4.8 disposes only the template's named children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_filter_choices_parent_class)->dispose (object);
}

static void
storyline_filter_choices_finalize (GObject *object)
{
  StorylineFilterChoices *self = STORYLINE_FILTER_CHOICES (object);

  g_clear_pointer (&self->actor_choices, g_ptr_array_unref);
  g_clear_pointer (&self->type_choices, g_ptr_array_unref);
  g_clear_pointer (&self->tag_choices, g_ptr_array_unref);

  G_OBJECT_CLASS (storyline_filter_choices_parent_class)->finalize (object);
}

static void
storyline_filter_choices_class_init (StorylineFilterChoicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_filter_choices_dispose;
  object_class->finalize = storyline_filter_choices_finalize;
  object_class->get_property = storyline_filter_choices_get_property;
  object_class->set_property = storyline_filter_choices_set_property;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, STORYLINE_TYPE_EVENT_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-filter-choices.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineFilterChoices, actor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineFilterChoices, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineFilterChoices, tag_dropdown);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_filter_choices_init (StorylineFilterChoices *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->actor_choices = g_ptr_array_new ();
  self->type_choices = g_ptr_array_new_with_free_func (g_free);
  self->tag_choices = g_ptr_array_new_with_free_func (g_free);

  set_up_search (self->actor_dropdown);

  /* Connected here, so that gtk4-builder-tool validates the .ui alone. */
  g_signal_connect_object (self->actor_dropdown, "notify::selected", G_CALLBACK (dropdown_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (dropdown_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_dropdown, "notify::selected", G_CALLBACK (dropdown_changed), self, G_CONNECT_SWAPPED);
}
