/* benchmark.c: figures for the README, one per line. Not a test and not
 * installed: run `_build/tests/storyline-benchmark`.
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "storyline-fidelity.h"

static GString *
words (guint n,
       guint skip_every)
{
  static const char *vocabulary[] = { "the", "defence", "talks", "of", "sides", "and", "cooperation",
                                      "Dhaka", "Islamabad", "military", "trade", "rice", "visit" };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (skip_every > 0 && i % skip_every == skip_every - 1)
        continue;
      g_string_append_printf (s, "%s%s%u", s->len ? " " : "", vocabulary[(i * 7) % G_N_ELEMENTS (vocabulary)], i % 97);
    }
  return s;
}

static void
time_compare (const char *name,
              const char *original,
              const char *rendition)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(StorylineFidelity) f = storyline_fidelity_compare (original, rendition);
  gint64 end = g_get_monotonic_time ();

  g_print ("%s: %.1f ms (%s)\n", name, (end - start) / 1000.0, storyline_verdict_to_string (f->verdict));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) original = words (50000, 0);
  g_autoptr(GString) half = g_string_new_len (original->str, original->len / 2);
  g_autoptr(GString) gaps = words (50000, 10);
  g_autoptr(GString) every_other = words (50000, 2);

  time_compare ("fidelity, 50,000 words against the first half", original->str, half->str);
  time_compare ("fidelity, 50,000 words against every tenth word dropped", original->str, gaps->str);
  time_compare ("fidelity, 50,000 words against every other word dropped", original->str, every_other->str);
  {
    g_autoptr(GString) replaced = g_string_new (NULL);
    g_auto(GStrv) w = g_strsplit (original->str, " ", -1);

    for (guint i = 0; w[i]; i++)
      g_string_append_printf (replaced, "%s%s", i ? " " : "", i % 10 == 9 ? "changed" : w[i]);
    time_compare ("fidelity, 50,000 words against every tenth word replaced", original->str, replaced->str);
  }

  return 0;
}
