/* storyline-benchmark.c: figures for the README, one per line. Not a test
 * and not installed: run `_build/tests/storyline-benchmark [--large]`
 * (--large adds the 1,000,000-event story).
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <malloc.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "storyline-fidelity.h"
#include "storyline-loader.h"

/* Synthetic stories: realistic text, actors, quotes with renditions,
 * sources; a fixed seed, so the same file every time. */
static void
generate_story (const char *path,
                guint       n_events)
{
  static const char *words[] = { "talks", "defence", "trade", "rice", "visit", "minister", "army", "navy",
                                 "agreement", "shipment", "port", "statement", "delegation", "cooperation",
                                 "border", "summit", "election", "protest", "court", "budget" };
  static const char *places[] = { "Dhaka", "Islamabad", "Karachi", "Chattogram", "Sylhet", "Rawalpindi", "Lahore" };
  GRand *rand = g_rand_new_with_seed (20251027);
  guint n_actors = MAX (10, n_events / 100), n_sources = MAX (10, n_events / 20);
  FILE *f = fopen (path, "w");

  fprintf (f, "{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Synthetic story of %u events\",\"language\":\"en\"},\n\"actors\":[", n_events);
  for (guint i = 0; i < n_actors; i++)
    fprintf (f, "%s\n{\"id\":\"a%u\",\"name\":\"Actor %u %s\",\"kind\":\"person\",\"aliases\":[\"A. %u\"]}",
             i ? "," : "", i, i, words[i % G_N_ELEMENTS (words)], i);
  fprintf (f, "],\n\"sources\":[");
  for (guint i = 0; i < n_sources; i++)
    fprintf (f, "%s\n{\"id\":\"s%u\",\"type\":\"article-newspaper\",\"title\":\"Report number %u on the %s\",\"container-title\":\"Paper %u\",\"issued\":{\"date-parts\":[[%u,%u,%u]]},\"URL\":\"https://example.org/news/%u\"%s}",
             i ? "," : "", i, i, words[i % G_N_ELEMENTS (words)], i % 50, 2000 + i % 25, 1 + i % 12, 1 + i % 28, i,
             i > 0 && i % 3 == 0 ? ",\"custom\":{\"derived_from\":[\"s0\"]}" : "");
  fprintf (f, "],\n\"events\":[");
  for (guint i = 0; i < n_events; i++)
    {
      guint y = 1990 + g_rand_int_range (rand, 0, 35), m = g_rand_int_range (rand, 1, 13), d = g_rand_int_range (rand, 1, 29);
      const char *w1 = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      const char *w2 = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      fprintf (f, "%s\n{\"id\":\"e%u\",\"title\":\"The %s and the %s in %s\",\"date\":\"%04u-%02u-%02u\","
               "\"summary\":\"Officials met to discuss the %s; the %s was on the agenda, reports said.\","
               "\"place\":\"%s\",\"type\":\"meeting\",\"tags\":[\"%s\"],\"actors\":[\"a%u\",\"a%u\"],\"sources\":[\"s%u\"]}",
               i ? "," : "", i, w1, w2, places[i % G_N_ELEMENTS (places)], y, m, d, w1, w2,
               places[(i + 3) % G_N_ELEMENTS (places)], w1, i % n_actors, (i * 7) % n_actors, i % n_sources);
    }
  fprintf (f, "],\n\"quotes\":[");
  for (guint i = 0; i < n_events / 10; i++)
    fprintf (f, "%s\n{\"id\":\"q%u\",\"text\":\"We will strengthen %s and %s together.\",\"speaker\":\"a%u\",\"event\":\"e%u\","
             "\"renditions\":[{\"source\":\"s%u\",\"text\":\"We will strengthen %s together.\"}]}",
             i ? "," : "", i, words[i % G_N_ELEMENTS (words)], words[(i + 1) % G_N_ELEMENTS (words)], i % n_actors,
             i * 10, i % n_sources, words[i % G_N_ELEMENTS (words)]);
  fprintf (f, "]}\n");
  fclose (f);
  g_rand_free (rand);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* In a child: load or parse FILE, print the time and the heap it keeps. */
static int
child (const char *mode,
       const char *path)
{
  size_t before = mallinfo2 ().uordblks;
  double start = now_ms ();

  if (g_str_equal (mode, "--load"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(StorylineStory) story = storyline_load_file (file, NULL, NULL, NULL);
      double end = now_ms ();
      size_t after;

      malloc_trim (0);
      after = mallinfo2 ().uordblks;
      if (story == NULL)
        return 1;
      g_print ("%.1f %zu %u\n", end - start, after - before, storyline_story_get_events (story)->len);
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      if (!json_parser_load_from_mapped_file (parser, path, NULL))
        return 1;
      g_print ("%.1f 0 0\n", now_ms () - start);
    }
  return 0;
}

static void
measure (const char *self,
         const char *mode,
         const char *path,
         double     *ms,
         double     *peak_mib,
         double     *kept_bytes,
         guint      *n)
{
  int fds[2];
  pid_t pid;
  struct rusage usage;
  int status;
  char buffer[256] = { 0 };
  ssize_t len;
  size_t kept = 0;

  g_assert (pipe (fds) == 0);
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      execl (self, self, mode, path, NULL);
      _exit (127);
    }
  close (fds[1]);
  len = read (fds[0], buffer, sizeof buffer - 1);
  close (fds[0]);
  wait4 (pid, &status, 0, &usage);
  g_assert (len > 0);
  sscanf (buffer, "%lf %zu %u", ms, &kept, n);
  *kept_bytes = kept;
  *peak_mib = usage.ru_maxrss / 1024.0;
}

static GString *
words_text (guint n,
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
  double start = now_ms ();
  g_autoptr(StorylineFidelity) f = storyline_fidelity_compare (original, rendition);

  g_print ("%s: %.1f ms (%s)\n", name, now_ms () - start, storyline_verdict_to_string (f->verdict));
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 10000, 100000, 200000, 1000000 };
  gboolean large = argc > 1 && g_str_equal (argv[1], "--large");
  g_autofree char *dir = NULL;

  if (argc == 3 && (g_str_equal (argv[1], "--load") || g_str_equal (argv[1], "--parse")))
    return child (argv[1], argv[2]);

  {
    g_autoptr(GString) original = words_text (50000, 0);
    g_autoptr(GString) half = g_string_new_len (original->str, original->len / 2);
    g_autoptr(GString) gaps = words_text (50000, 10);
    g_autoptr(GString) every_other = words_text (50000, 2);
    g_autoptr(GString) replaced = g_string_new (NULL);
    g_auto(GStrv) w = g_strsplit (original->str, " ", -1);

    for (guint i = 0; w[i]; i++)
      g_string_append_printf (replaced, "%s%s", i ? " " : "", i % 10 == 9 ? "changed" : w[i]);
    time_compare ("fidelity, 50,000 words against the first half", original->str, half->str);
    time_compare ("fidelity, 50,000 words against every tenth word dropped", original->str, gaps->str);
    time_compare ("fidelity, 50,000 words against every other word dropped", original->str, every_other->str);
    time_compare ("fidelity, 50,000 words against every tenth word replaced", original->str, replaced->str);
  }

  dir = g_dir_make_tmp ("storyline-bench-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/story-%u.json", dir, sizes[i]);
      double load_ms, load_peak, kept, parse_ms, parse_peak, unused;
      guint n = 0, unused_n;
      GStatBuf st;

      if (sizes[i] > 200000 && !large)
        continue;
      generate_story (path, sizes[i]);
      g_stat (path, &st);
      measure (argv[0], "--parse", path, &parse_ms, &parse_peak, &unused, &unused_n);
      measure (argv[0], "--load", path, &load_ms, &load_peak, &kept, &n);
      g_print ("story of %u events: file %.1f MiB\n", sizes[i], st.st_size / 1048576.0);
      g_print ("story of %u events: json-glib parse %.0f ms, peak %.0f MiB (%.1fx the file)\n",
               sizes[i], parse_ms, parse_peak, parse_peak * 1048576.0 / st.st_size);
      g_print ("story of %u events: load and validate %.0f ms (%.2fx the parse), peak %.0f MiB (%.1fx the file)\n",
               sizes[i], load_ms, load_ms / parse_ms, load_peak, load_peak * 1048576.0 / st.st_size);
      g_print ("story of %u events: model %.0f bytes per event\n", sizes[i], kept / MAX (n, 1));
      g_unlink (path);
    }
  g_rmdir (dir);

  return 0;
}
