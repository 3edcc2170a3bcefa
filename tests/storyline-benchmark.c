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
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "storyline-export.h"
#include "storyline-fidelity.h"
#include "storyline-import.h"
#include "storyline-paper.h"
#include "storyline-loader.h"
#include "storyline-writer.h"
#include "storyline-search.h"
#include "storyline-ui-benchmark.h"

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

/* The CPU time of every thread of this process so far. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The resident size now, in KiB: what the process holds before it
 * loads anything (libraries, GLib's and json-glib's own start-up). */
static gsize
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 7, NULL, 10);
}

/* The resident high-water mark, in KiB. */
static gsize
peak_resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 7, NULL, 10);
}

/* What the process has allocated and not freed: the heap's chunks in
 * use and the large blocks glibc maps on their own (an array of a
 * million pointers is one of those). */
static size_t
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* In a child: load or parse FILE; print the time, the model's bytes, the
 * resident size before it began and the CPU time of all its threads. */
static int
child (const char *mode,
       const char *path)
{
  gsize base_kib;
  double start, cpu_start;

  /* The first load of any story sets up the type system, GIO and
   * json-glib once per process: a small story first, so that what is
   * counted below is the model, not the process's own start. */
  {
    g_autofree char *small = NULL;
    g_autoptr(GFile) file = NULL;
    g_autoptr(StorylineStory) story = NULL;
    int fd = g_file_open_tmp ("storyline-benchmark-XXXXXX.json", &small, NULL);

    if (fd < 0)
      return 1;
    close (fd);
    generate_story (small, 20);
    file = g_file_new_for_path (small);
    story = storyline_load_file (file, NULL, NULL, NULL);
    g_unlink (small);
    if (story == NULL)
      return 1;
  }
  malloc_trim (0);
  base_kib = resident_kib ();
  cpu_start = cpu_ms ();
  start = now_ms ();

  if (g_str_equal (mode, "--import"))
    {
      /* What storyline --import does but write: the file read, the story
       * made and read by the loader. The story's text is kept beside it,
       * to be opened as a story for the comparison. */
      g_autofree char *data = NULL;
      gsize length;
      char *text;
      gsize text_length;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(StorylineStory) story = NULL;
      g_autofree char *story_path = g_strconcat (path, ".story.json", NULL);
      double end;

      if (!g_file_get_contents (path, &data, &length, NULL) ||
          (text = storyline_import_to_story (NULL, data, length, NULL)) == NULL)
        return 1;
      g_clear_pointer (&data, g_free);
      text_length = strlen (text);
      bytes = g_bytes_new_take (text, text_length);
      story = storyline_load_bytes (bytes, NULL, NULL, NULL);
      end = now_ms ();
      if (story == NULL ||
          !g_file_set_contents (story_path, g_bytes_get_data (bytes, NULL), text_length, NULL))
        return 1;
      g_print ("%.1f %u %zu\n", end - start, storyline_story_get_events (story)->len + storyline_story_get_sources (story)->len,
               base_kib);
      return 0;
    }

  if (g_str_equal (mode, "--save"))
    {
      /* Loaded first, untimed; then saved to a file beside it. The peak
       * while saving is the resident high-water mark, reset once the
       * story is loaded (Linux: clear_refs 5). */
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(StorylineStory) story = storyline_load_file (file, NULL, NULL, NULL);
      g_autofree char *target_path = g_strconcat (path, ".saved", NULL);
      g_autoptr(GFile) target = g_file_new_for_path (target_path);
      gsize loaded_kib, peak_kib;
      double begin, end;

      if (story == NULL)
        return 1;
      malloc_trim (0);
      g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
      loaded_kib = resident_kib ();
      begin = now_ms ();
      if (!storyline_story_save (story, target, NULL, NULL))
        return 1;
      end = now_ms ();
      peak_kib = peak_resident_kib ();
      g_unlink (target_path);
      g_print ("%.1f %zu %zu %zu\n", end - begin, loaded_kib, peak_kib, base_kib);
      return 0;
    }

  if (g_str_equal (mode, "--load"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(StorylineStory) story = storyline_load_file (file, NULL, NULL, NULL);
      double end = now_ms (), cpu = cpu_ms () - cpu_start;
      size_t after, freed;
      guint n;

      /* The model's bytes: what freeing the story gives back. */
      malloc_trim (0);
      after = heap_in_use ();
      if (story == NULL)
        return 1;
      n = storyline_story_get_events (story)->len;
      g_clear_object (&story);
      malloc_trim (0);
      freed = heap_in_use ();
      g_print ("%.1f %zu %u %zu %.1f\n", end - start, after - freed, n, base_kib, cpu);
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (!json_parser_load_from_mapped_file (parser, path, NULL))
        return 1;
      double end = now_ms (), cpu = cpu_ms () - cpu_start;

      g_print ("%.1f 0 0 %zu %.1f\n", end - start, base_kib, cpu);
    }
  return 0;
}

/* Runs this program again with @mode and @path; returns what it printed
 * (NULL when it failed) and its peak resident size. */
static char *
run_child (const char *self,
           const char *prefix,
           const char *mode,
           const char *path,
           double     *peak_mib)
{
  int fds[2];
  pid_t pid;
  struct rusage usage;
  int status;
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[256];
  ssize_t len;

  g_assert (pipe (fds) == 0);
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      if (prefix != NULL)
        {
          g_auto(GStrv) words = g_strsplit (prefix, " ", -1);
          g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
          g_auto(GStrv) argv = NULL;

          g_strv_builder_addv (args, (const char **) words);
          g_strv_builder_add_many (args, self, mode, path, NULL);
          argv = g_strv_builder_end (args);
          execvp (argv[0], argv);
        }
      else
        execl (self, self, mode, path, NULL);
      _exit (127);
    }
  close (fds[1]);
  while ((len = read (fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, len);
  close (fds[0]);
  wait4 (pid, &status, 0, &usage);
  if (peak_mib != NULL)
    *peak_mib = usage.ru_maxrss / 1024.0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
measure (const char *self,
         const char *mode,
         const char *path,
         double     *ms,
         double     *peak_mib,
         double     *base_mib,
         double     *kept_bytes,
         guint      *n,
         double     *cpu)
{
  g_autofree char *out = run_child (self, NULL, mode, path, peak_mib);
  size_t kept = 0, base_kib = 0;

  g_assert (out != NULL);
  g_assert (sscanf (out, "%lf %zu %u %zu %lf", ms, &kept, n, &base_kib, cpu) == 5);
  *kept_bytes = kept;
  *base_mib = base_kib / 1024.0;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), storyline_benchmark_compare_doubles);
  return v[n / 2];
}


/* A TimelineJS sheet of @n rows, as a newsroom's chronology. */
static void
generate_timeline_csv (const char *path,
                       guint       n)
{
  g_autoptr(GString) csv = g_string_new ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
                                         "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\r\n"
                                         ",,,,,,,,,A large timeline,<p>Generated for the benchmark.</p>,,,,,title,,\r\n");
  GRand *rand = g_rand_new_with_seed (20261201);

  for (guint i = 0; i < n; i++)
    {
      guint year = g_rand_int_range (rand, 1900, 2026), month = g_rand_int_range (rand, 1, 13), day = g_rand_int_range (rand, 1, 29);

      g_string_append_printf (csv, "%u,%u,%u,,,,,,,Event %u in the port,"
                              "\"<p>Ships came and went; <a href=\"\"https://news.example.com/%u\"\">the report</a> says so.</p>\","
                              "https://media.example.com/%u.jpg,Staff,\"A ship, %u\",,,%s,\r\n",
                              year, month, day, i, i % 5000, i % 3000, i, i % 7 == 0 ? "Trade" : "");
    }
  g_file_set_contents (path, csv->str, csv->len, NULL);
  g_rand_free (rand);
}

/* A bibliography of @n BibTeX entries. */
static void
generate_bibtex (const char *path,
                 guint       n)
{
  g_autoptr(GString) bib = g_string_new ("@string{jp = \"Journal of Ports\"}\n");
  static const char * const types[] = { "article", "book", "inproceedings", "online", "techreport", "misc" };

  for (guint i = 0; i < n; i++)
    g_string_append_printf (bib, "@%s{key%u,\n  author = {Smith, Ann and M{\\\"u}ller, J{\\\"o}rg and {Port Authority}},\n"
                            "  title = {On {Ports} -- part %u},\n  journal = jp,\n  year = %u, month = may,\n"
                            "  volume = {%u}, pages = {12--30}, doi = {10.1000/%u}, url = {https://example.org/%u}\n}\n\n",
                            types[i % G_N_ELEMENTS (types)], i, i, 1950 + i % 75, i % 40, i, i);
  g_file_set_contents (path, bib->str, bib->len, NULL);
}

/* Importing: a 100,000-row TimelineJS sheet against opening the story it
 * makes (target 2x), a 10,000-entry BibTeX file (target 1 s), and the
 * peak memory against the story's (target 2x). Three of each, the
 * medians. */
static void
import_figures (const char *self,
                const char *dir)
{
  g_autofree char *csv = g_build_filename (dir, "timeline.csv", NULL);
  g_autofree char *bib = g_build_filename (dir, "bibliography.bib", NULL);
  g_autofree char *csv_story = g_strconcat (csv, ".story.json", NULL);
  g_autofree char *bib_story = g_strconcat (bib, ".story.json", NULL);
  double import_ms[3], open_ms[3], bib_ms[3], import_peak = 0, open_peak = 0, base = 0, unused;
  guint n = 0, unused_n;

  generate_timeline_csv (csv, 100000);
  generate_bibtex (bib, 10000);
  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *out = run_child (self, NULL, "--import", csv, &import_peak);
      g_autofree char *bib_out = NULL;
      size_t base_kib = 0;
      double cpu, kept;

      g_assert (out != NULL);
      g_assert (sscanf (out, "%lf %u %zu", &import_ms[run], &n, &base_kib) == 3);
      measure (self, "--load", csv_story, &open_ms[run], &open_peak, &base, &kept, &unused_n, &cpu);
      bib_out = run_child (self, NULL, "--import", bib, &unused);
      g_assert (bib_out != NULL);
      g_assert (sscanf (bib_out, "%lf", &bib_ms[run]) == 1);
    }
  g_print ("import of a TimelineJS sheet of 100,000 rows: %.0f ms against %.0f ms to open the story it makes (%.2fx), "
           "peak %.0f MiB against %.0f MiB opening it (%.2fx; above the process's start %.2fx)\n",
           median (import_ms, 3), median (open_ms, 3), median (import_ms, 3) / median (open_ms, 3),
           import_peak, open_peak, import_peak / open_peak, (import_peak - base) / MAX (open_peak - base, 1));
  g_print ("import of a BibTeX file of 10,000 entries: %.0f ms\n", median (bib_ms, 3));
  g_unlink (csv);
  g_unlink (bib);
  g_unlink (csv_story);
  g_unlink (bib_story);
}

static StorylineStory *
load_path (const char *path,
           double     *ms)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  double start;
  StorylineStory *story;

  g_assert (g_file_get_contents (path, &data, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  start = now_ms ();
  story = storyline_load_bytes (bytes, NULL, NULL, NULL);
  *ms = now_ms () - start;
  g_assert (story != NULL);
  return story;
}

/* Publishing: every text export of a 200,000-event story against the time
 * loading it takes (target 1.5x), the PDF of a 10,000-event story (target
 * 10 s) and of the bundled story (target 1 s). Medians of three. */
static void
export_figures (const char *dir)
{
  g_autofree char *big = g_build_filename (dir, "export-200000.json", NULL);
  g_autofree char *pdf_story = g_build_filename (dir, "export-10000.json", NULL);
  g_autofree char *bundled = g_build_filename (SOURCE_ROOT, "data", "stories", "pakistan-bangladesh-thaw.json", NULL);
  const char * const *formats = storyline_export_formats ();
  g_autoptr(StorylineStory) story = NULL;
  double load[3], pdf[3], small[3];

  generate_story (big, 200000);
  generate_story (pdf_story, 10000);
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(StorylineStory) loaded = load_path (big, &load[run]);

      if (run == 2)
        story = g_steal_pointer (&loaded);
    }
  g_print ("export, loading the 200,000-event story: %.0f ms (median of 3)\n", median (load, 3));
  for (guint i = 0; formats[i] != NULL; i++)
    {
      double ms[3];

      for (guint run = 0; run < 3; run++)
        {
          g_autoptr(GString) out = g_string_new (NULL);
          double start = now_ms ();

          storyline_export (story, formats[i], out);
          ms[run] = now_ms () - start;
        }
      g_print ("export %s of 200,000 events: %.0f ms (%.2fx loading)\n", formats[i], median (ms, 3), median (ms, 3) / median (load, 3));
    }
  for (guint run = 0; run < 3; run++)
    {
      double unused;
      g_autoptr(StorylineStory) s10k = load_path (pdf_story, &unused);
      g_autoptr(StorylineStory) s = load_path (bundled, &unused);
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      double start = now_ms ();

      g_assert (storyline_paper_write_pdf (s10k, STORYLINE_CITATION_APA, a, NULL, NULL));
      pdf[run] = now_ms () - start;
      start = now_ms ();
      g_assert (storyline_paper_write_pdf (s, STORYLINE_CITATION_APA, b, NULL, NULL));
      small[run] = now_ms () - start;
    }
  g_print ("export pdf of 10,000 events: %.0f ms (median of 3)\n", median (pdf, 3));
  g_print ("export pdf of the bundled story: %.0f ms (median of 3)\n", median (small, 3));
  g_unlink (big);
  g_unlink (pdf_story);
}

/* First frames: an empty GtkWindow, an application window with a header
 * bar and Storyline's window with the bundled story, alternating, seven
 * of each; the medians. */
static void
first_frames (const char *self)
{
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) story = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) chrome = g_array_new (FALSE, FALSE, sizeof (double));
  double e, s, c;

  /* On a desktop the portal is running before any application starts;
   * on the fresh bus of a benchmark, GTK's start-up would wait for it to
   * be started (GtkApplication makes a synchronous portal proxy). */
  {
    g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
    g_autoptr(GVariant) reply = NULL;

    if (bus != NULL)
      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                                           "org.freedesktop.DBus.Peer", "Ping", NULL, NULL,
                                           G_DBUS_CALL_FLAGS_NONE, 10000, NULL, NULL);
  }

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *a = run_child (self, NULL, "--first-frame", "empty", NULL);
      g_autofree char *b = run_child (self, NULL, "--first-frame", "story", NULL);
      g_autofree char *w = run_child (self, NULL, "--first-frame", "chrome", NULL);

      if (a == NULL || b == NULL || w == NULL)
        {
          g_print ("first frame: not measured (the window did not open)\n");
          return;
        }
      g_array_append_val (empty, (double) { g_ascii_strtod (a, NULL) });
      g_array_append_val (story, (double) { g_ascii_strtod (b, NULL) });
      g_array_append_val (chrome, (double) { g_ascii_strtod (w, NULL) });
    }
  g_array_sort (empty, storyline_benchmark_compare_doubles);
  g_array_sort (story, storyline_benchmark_compare_doubles);
  g_array_sort (chrome, storyline_benchmark_compare_doubles);
  e = g_array_index (empty, double, 3);
  s = g_array_index (story, double, 3);
  c = g_array_index (chrome, double, 3);
  g_print ("first frame, empty GTK window: %.0f ms (median of 7)\n", e);
  g_print ("first frame, application window with a header bar and a line of text: %.0f ms (median of 7, %.2fx the empty window)\n", c, c / e);
  g_print ("first frame, Storyline with the bundled story: %.0f ms (median of 7, %.2fx the empty window, %.2fx the application window)\n", s, s / e, s / c);
}

static void
window_figures (const char *self,
                const char *path,
                guint       n_events)
{
  g_autofree char *search = run_child (self, NULL, "--search", path, NULL);
  g_autofree char *scroll = run_child (self, NULL, "--scroll", path, NULL);
  double p50, p95, max, f50, f95, w50, w95, jump;
  guint n;

  if (search != NULL && sscanf (search, "%u %lf %lf %lf %lf %lf %lf %lf", &n, &p50, &p95, &max, &f50, &f95, &w50, &w95) == 8)
    {
      g_print ("search at %u events, main thread's CPU time per keystroke, outside frames: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%u keystrokes)\n",
               n_events, p50, p95, max, n);
      g_print ("search at %u events, work of the frame showing the result: p50 %.1f ms, p95 %.1f ms\n",
               n_events, w50, w95);
      g_print ("search at %u events, keystroke to the frame showing it: p50 %.1f ms, p95 %.1f ms\n",
               n_events, f50, f95);
    }
  else
    g_print ("search at %u events: not measured\n", n_events);

  if (scroll != NULL && sscanf (scroll, "%u %lf %lf %lf %lf", &n, &p50, &p95, &max, &jump) == 5)
    {
      g_print ("scrolling at %u events, frame work: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%u frames from the top)\n",
               n_events, p50, p95, max, n);
      g_print ("scrolling at %u events, jump to the middle: %.1f ms\n", n_events, jump);
    }
  else
    g_print ("scrolling at %u events: not measured\n", n_events);

  {
    g_autofree char *edit = run_child (self, NULL, "--edit", path, NULL);
    double t[4][5];
    guint k[4];
    int got = edit == NULL ? 0 :
      sscanf (edit, "%u title %u %lf %lf %lf %lf %lf date %u %lf %lf %lf %lf %lf undo %u %lf %lf %lf %lf %lf"
              " quote %u %lf %lf %lf %lf %lf",
              &n, &k[0], &t[0][0], &t[0][1], &t[0][2], &t[0][3], &t[0][4],
              &k[1], &t[1][0], &t[1][1], &t[1][2], &t[1][3], &t[1][4],
              &k[2], &t[2][0], &t[2][1], &t[2][2], &t[2][3], &t[2][4],
              &k[3], &t[3][0], &t[3][1], &t[3][2], &t[3][3], &t[3][4]);

    if (got >= 19)
      {
        static const char *what[] = { "a letter typed in a title", "a date typed (the event moves)", "an undo or redo",
                                      "a letter typed in a rendition of a 1,000-word quote (its verdict and word difference)" };

        for (guint i = 0; i < (got == 25 ? 4u : 3u); i++)
          g_print ("editing at %u events, %s: main thread p50 %.1f ms, p95 %.1f ms, max %.1f ms; to its frame p50 %.1f ms, p95 %.1f ms (%u)\n",
                   n_events, what[i], t[i][0], t[i][1], t[i][2], t[i][3], t[i][4], k[i]);
      }
    else
      g_print ("editing at %u events: not measured\n", n_events);
  }
}

/* The time axis: the density's count on its worker thread, and the
 * main thread's work per frame while zooming and panning (target 8 ms at
 * p95 at 1,000,000 events; the count 0.5 s). */
static void
axis_figures (const char *self,
              const char *path,
              guint       n_events)
{
  g_autofree char *out = run_child (self, NULL, "--axis", path, NULL);
  double first, slowest, z[5], p[5];
  guint n, kz, kp;
  char mode[16];

  if (out != NULL && sscanf (out, "%u %15s %lf %lf zoom %u %lf %lf %lf %lf %lf pan %u %lf %lf %lf %lf %lf",
                             &n, mode, &first, &slowest, &kz, &z[0], &z[1], &z[2], &z[3], &z[4],
                             &kp, &p[0], &p[1], &p[2], &p[3], &p[4]) == 16)
    {
      g_print ("time axis at %u events (%s): density counted on its worker thread in %.1f ms (the slowest zoom bucket %.1f ms)\n",
               n_events, mode, first, slowest);
      g_print ("time axis at %u events, zooming: main thread per frame p50 %.1f ms, p95 %.1f ms, max %.1f ms (%u zooms)\n",
               n_events, z[0], z[1], z[2], kz);
      g_print ("time axis at %u events, panning: main thread per frame p50 %.1f ms, p95 %.1f ms, max %.1f ms (%u pans)\n",
               n_events, p[0], p[1], p[2], kp);
    }
  else
    g_print ("time axis at %u events: not measured\n", n_events);
}

/* Filtering, as the window's search does it: each event's folded text,
 * then one query against all of them. */
static int
filter_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StorylineStory) story = storyline_load_file (file, NULL, NULL, NULL);
  GPtrArray *events;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint hits = 0;

  if (story == NULL)
    return 1;
  events = storyline_story_get_events (story);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (texts, storyline_event_dup_search_text (events->pdata[i]));
  for (guint q = 0; q < 3; q++)
    {
      static const char *queries[] = { "shipment", "dhaka summit", "court" };
      g_autofree char *folded = storyline_fold_text (queries[q]);

      for (guint i = 0; i < texts->len; i++)
        hits += storyline_folded_matches (texts->pdata[i], folded);
    }
  g_print ("%u\n", hits);
  return 0;
}

/* Instruction counts: the same on a busy machine as on an idle one. */
static void
callgrind_figures (const char *self,
                   const char *path,
                   guint       n_events)
{
  static const char *modes[] = { "--load", "--filter-only" };
  g_autofree char *valgrind = g_find_program_in_path ("valgrind");

  if (valgrind == NULL)
    {
      g_print ("callgrind: not measured (valgrind is not installed)\n");
      return;
    }
  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *out_file = g_strdup_printf ("%s.callgrind", path);
      g_autofree char *prefix = g_strdup_printf ("valgrind --tool=callgrind --callgrind-out-file=%s", out_file);
      g_autofree char *out = run_child (self, prefix, modes[m], path, NULL);
      g_autofree char *text = NULL;
      const char *totals;

      if (out != NULL && g_file_get_contents (out_file, &text, NULL, NULL) &&
          (totals = strstr (text, "\ntotals: ")) != NULL)
        g_print ("callgrind, %s %u events: %" G_GUINT64_FORMAT " instructions\n",
                 m == 0 ? "loading" : "loading, folding and three searches over", n_events,
                 g_ascii_strtoull (totals + 9, NULL, 10));
      else
        g_print ("callgrind %s: not measured\n", modes[m]);
      g_unlink (out_file);
    }
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

/* The median of five runs, with the fastest and the slowest. */
static void
time_compare (const char *name,
              const char *original,
              const char *rendition)
{
  double runs[5];
  const char *verdict = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      double start = now_ms ();
      g_autoptr(StorylineFidelity) f = storyline_fidelity_compare (original, rendition);

      runs[i] = now_ms () - start;
      verdict = storyline_verdict_to_string (f->verdict);
    }
  qsort (runs, G_N_ELEMENTS (runs), sizeof (double), storyline_benchmark_compare_doubles);
  g_print ("%s: %.1f ms (%.1f to %.1f; %s)\n", name, runs[2], runs[0], runs[4], verdict);
}

static void
time_fidelity (void)
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

int
main (int   argc,
      char *argv[])
{
  double start = now_ms ();
  guint sizes[] = { 10000, 100000, 200000, 1000000 };
  gboolean large = argc > 1 && g_str_equal (argv[1], "--large");
  gboolean display = g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
  g_autofree char *dir = NULL;
  int status;

  if (argc == 3 && (g_str_equal (argv[1], "--load") || g_str_equal (argv[1], "--parse") || g_str_equal (argv[1], "--save") ||
                    g_str_equal (argv[1], "--import")))
    return child (argv[1], argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    {
      generate_story (argv[3], (guint) g_ascii_strtoull (argv[2], NULL, 10));
      return 0;
    }
  if (argc == 2 && g_str_equal (argv[1], "--fidelity"))
    {
      time_fidelity ();
      return 0;
    }
  if (argc == 2 && g_str_equal (argv[1], "--import-figures"))
    {
      g_autofree char *tmp = g_dir_make_tmp ("storyline-bench-XXXXXX", NULL);

      g_setenv ("G_SLICE", "always-malloc", TRUE);
      import_figures (argv[0], tmp);
      g_rmdir (tmp);
      return 0;
    }
  if (argc == 2 && g_str_equal (argv[1], "--export-figures"))
    {
      g_autofree char *tmp = g_dir_make_tmp ("storyline-bench-XXXXXX", NULL);

      export_figures (tmp);
      g_rmdir (tmp);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--filter-only"))
    return filter_child (argv[2]);
  if ((status = storyline_ui_benchmark (argc, argv, start)) >= 0)
    return status;

  /* The children keep away from the user's settings and recent files, and
   * allocate as Storyline does (src/main.c). */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  /* The targets are for GTK's cairo renderer. Under Xvfb GTK would
   * otherwise pick GL on Mesa's software rasteriser, whose shaders LLVM
   * compiles at start-up. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  dir = g_dir_make_tmp ("storyline-bench-XXXXXX", NULL);
  {
    g_autofree char *data_home = g_build_filename (dir, "xdg-data", NULL);
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  }

  if (display)
    first_frames (argv[0]);
  else
    g_print ("first frame: not measured (no display; run under xvfb-run)\n");

  time_fidelity ();
  import_figures (argv[0], dir);
  export_figures (dir);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/story-%u.json", dir, sizes[i]);
      double load_ms, load_peak, load_base, kept, parse_ms, parse_peak, parse_base, unused;
      guint n = 0, unused_n;
      GStatBuf st;

      if (sizes[i] > 200000 && !large)
        continue;
      /* Five of each up to 200,000 events, three of the million. */
      guint n_runs = sizes[i] > 200000 ? 3 : 5;
      double parse_runs[5], load_runs[5], parse_cpu[5], load_cpu[5];

      generate_story (path, sizes[i]);
      g_stat (path, &st);
      /* Alternating, on a machine that is not always quiet: the
       * medians. */
      for (guint run = 0; run < n_runs; run++)
        {
          measure (argv[0], "--parse", path, &parse_runs[run], &parse_peak, &parse_base, &unused, &unused_n, &parse_cpu[run]);
          measure (argv[0], "--load", path, &load_runs[run], &load_peak, &load_base, &kept, &n, &load_cpu[run]);
        }
      parse_ms = median (parse_runs, n_runs);
      load_ms = median (load_runs, n_runs);
      g_print ("story of %u events: file %.1f MiB\n", sizes[i], st.st_size / 1048576.0);
      g_print ("story of %u events: json-glib parse %.0f ms, peak %.0f MiB (%.1fx the file)\n",
               sizes[i], parse_ms, parse_peak, parse_peak * 1048576.0 / st.st_size);
      g_print ("story of %u events: load and validate %.0f ms (%.2fx the parse), peak %.0f MiB (%.1fx the file)\n",
               sizes[i], load_ms, load_ms / parse_ms, load_peak, load_peak * 1048576.0 / st.st_size);
      /* The bare parse uses one core, loading two: its time depends on
       * the second being free, its CPU time does not. */
      {
        double p = median (parse_cpu, n_runs), l = median (load_cpu, n_runs);

        g_print ("story of %u events: CPU time of all threads: parse %.0f ms, load %.0f ms (%.2fx the parse's)\n",
                 sizes[i], p, l, l / p);
      }
      /* The process holds libraries and start-up before it reads a byte:
       * what loading itself adds is the peak above that. */
      g_print ("story of %u events: peak above the process's start: parse %.0f MiB (%.1fx the file), load %.0f MiB (%.1fx the file)\n",
               sizes[i], parse_peak - parse_base, (parse_peak - parse_base) * 1048576.0 / st.st_size,
               load_peak - load_base, (load_peak - load_base) * 1048576.0 / st.st_size);
      g_print ("story of %u events: model %.0f bytes per event\n", sizes[i], kept / MAX (n, 1));
      /* Saving, in canonical form (storyline-writer.c): three, the median;
       * its memory against the loaded story's, the process's start aside. */
      {
        double save_runs[3], loaded = 0, peak = 0, base = 0;

        for (guint run = 0; run < 3; run++)
          {
            g_autofree char *out = run_child (argv[0], NULL, "--save", path, NULL);
            gsize loaded_kib = 0, peak_kib = 0, base_kib = 0;

            g_assert (out != NULL);
            g_assert (sscanf (out, "%lf %zu %zu %zu", &save_runs[run], &loaded_kib, &peak_kib, &base_kib) == 4);
            loaded = loaded_kib / 1024.0;
            peak = peak_kib / 1024.0;
            base = base_kib / 1024.0;
          }
        g_print ("story of %u events: saving %.0f ms (%.2fx the load), peak %.0f MiB against %.0f MiB loaded (%.2fx; above the process's start: %.2fx)\n",
                 sizes[i], median (save_runs, 3), median (save_runs, 3) / load_ms, peak, loaded, peak / loaded,
                 (peak - base) / MAX (loaded - base, 1));
      }
      if (sizes[i] == 200000 && display)
        window_figures (argv[0], path, sizes[i]);
      if ((sizes[i] == 200000 || sizes[i] == 1000000) && display)
        axis_figures (argv[0], path, sizes[i]);
      if (sizes[i] == 10000)
        callgrind_figures (argv[0], path, sizes[i]);
      g_unlink (path);
    }
  {
    g_autofree char *data_home = g_build_filename (dir, "xdg-data", NULL);
    g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);
    g_unlink (recent);
    g_rmdir (data_home);
  }
  g_rmdir (dir);

  return 0;
}
