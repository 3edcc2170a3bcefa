/* test-cli.c: storyline --validate
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "storyline-cli.h"
#include "storyline-export.h"

typedef struct
{
  GString *out;
  GString *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->out = g_string_new (NULL);
  f->err = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_string_free (f->out, TRUE);
  g_string_free (f->err, TRUE);
}

static int
run (Fixture *f,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) "storyline");
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);

  return storyline_cli_run (args->len, (char **) args->pdata, f->out, f->err);
}

static char *
corpus (const char *kind,
        const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "corpus", kind, name, NULL);
}

static void
test_wants (Fixture       *f,
            gconstpointer  data)
{
  char *with[] = { "storyline", "--validate", "x.json", NULL };
  char *without[] = { "storyline", "x.json", NULL };
  char *after_dashes[] = { "storyline", "--", "--validate", NULL };

  g_assert_true (storyline_cli_wants_argv (3, with));
  g_assert_false (storyline_cli_wants_argv (2, without));
  g_assert_false (storyline_cli_wants_argv (3, after_dashes));
}

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *good = corpus ("good", "full.json");

  g_autofree char *expected = g_strdup_printf ("%s: valid: 4 events, 2 sources\n", good);
  g_autofree char *minimal = corpus ("good", "minimal.json");
  g_autofree char *both = NULL;

  /* A valid story says so, with what it holds (full.json: 4 events, 2
   * sources). */
  g_assert_cmpint (run (f, "--validate", good, NULL), ==, 0);
  g_assert_cmpstr (f->out->str, ==, expected);
  g_assert_cmpstr (f->err->str, ==, "");

  /* One line a file, in the singular where it is one. */
  g_string_truncate (f->out, 0);
  g_assert_cmpint (run (f, "--validate", minimal, good, NULL), ==, 0);
  both = g_strdup_printf ("%s: valid: 1 event, 0 sources\n%s", minimal, expected);
  g_assert_cmpstr (f->out->str, ==, both);
}

static void
test_warnings_still_valid (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = corpus ("good", "unknown-keys.json");

  g_autofree char *last = g_strdup_printf ("%s: valid (4 warnings above): 1 event, 0 sources\n", path);

  g_assert_cmpint (run (f, "--validate", path, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out->str, ": story.titel: warning: unknown key “titel”, ignored; did you mean “title”?\n"));
  /* Valid, and the warnings counted last. */
  g_assert_true (g_str_has_suffix (f->out->str, last));
}

/* The Export dialog's file name follows the format chosen. */
static void
test_export_file_name (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *name, *format, *expected; } cases[] = {
    { "story.md", "csv", "story.csv" },          /* another format's: replaced */
    { "story", "csv", "story.csv" },             /* none: added */
    { "story.md", "markdown", "story.md" },      /* its own: kept */
    { "Story.MD", "markdown", "Story.MD" },
    { "refs.txt", "bibtex", "refs.bib" },
    { "refs.bib", "ris", "refs.ris" },
    { "quotes", "quote-diff", "quotes.tsv" },
    { "timeline.json", "timelinejs", "timeline.json" },
    { "sources.json", "csl-json", "sources.json" },
    { "list.txt", "chicago-note", "list.txt" },
    { "notes.txt.bak", "csv", "notes.txt.bak" }, /* the writer's own: kept */
    { "v1.2", "apa", "v1.2" },
    { ".hidden", "csv", ".hidden.csv" },
  };
  const char * const *formats = storyline_export_formats ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = storyline_export_file_name (cases[i].name, cases[i].format);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
  /* Every format has an extension. */
  for (guint i = 0; formats[i] != NULL; i++)
    g_assert_nonnull (storyline_export_format_extension (formats[i]));
  g_assert_null (storyline_export_format_extension ("docx"));
}

/* --help lists every export format, and shows examples. */
static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *help = storyline_cli_help ();
  const char * const *formats = storyline_export_formats ();

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *listed = g_strdup_printf (" %s,", formats[i]);
      g_autofree char *last = g_strdup_printf (" %s\n", formats[i]);

      g_assert_true (strstr (help, listed) != NULL || strstr (help, last) != NULL);
    }
  g_assert_nonnull (strstr (help, "Examples:\n"));
  g_assert_nonnull (strstr (help, "storyline --validate story.json"));
  g_assert_nonnull (strstr (help, "storyline --export bibtex story.json"));
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *good = corpus ("good", "minimal.json");
  g_autofree char *bad = corpus ("bad", "syntax-error.json");
  g_autofree char *expected = NULL;

  /* One bad file among good ones makes the whole run fail. */
  g_assert_cmpint (run (f, "--validate", good, bad, good, NULL), ==, 1);
  expected = g_strdup_printf ("%s: valid: 1 event, 0 sources\n"
                              "%s:3:15: error: the JSON is not valid: a comma before “}” (a comma after the last member is not allowed in JSON)\n"
                              "%s: valid: 1 event, 0 sources\n", good, bad, good);
  g_assert_cmpstr (f->out->str, ==, expected);
}

static void
test_path_and_id (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *bad = corpus ("bad", "month-13.json");
  g_autofree char *expected = NULL;

  g_assert_cmpint (run (f, "--validate", bad, NULL), ==, 1);
  expected = g_strdup_printf ("%s: events[0].date (event 1, id \"e1\"): error: not a date of the format: “2025-13”: there is no month 13\n", bad);
  g_assert_cmpstr (f->out->str, ==, expected);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (run (f, "--validate", "/nonexistent/story.json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->out->str, "/nonexistent/story.json: error: "));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpint (run (f, "--validate", NULL), ==, 2);
  g_assert_cmpstr (f->err->str, ==, "Usage: storyline --validate FILE…\n");
  g_string_truncate (f->err, 0);
  g_assert_cmpint (run (f, "--validate", "--no-such-option", "x.json", NULL), ==, 2);
  g_assert_cmpstr (f->err->str, ==, "storyline: Unknown option --no-such-option\n");
  g_assert_cmpstr (f->out->str, ==, "");
}

static void
test_export_quote_diff (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "stories", "pakistan-bangladesh-thaw.json", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (f, "--export", "quote-diff", path, NULL), ==, 0);
  g_assert_cmpstr (f->err->str, ==, "");
  lines = g_strsplit (f->out->str, "\n", -1);
  /* One line per rendition, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 19);
  /* An excerpt with a British spelling names it in the fifth column. */
  g_assert_cmpstr (lines[0], ==, "ispr-discussion\tarabnews-2620405\texcerpt\t[-During the separately-held meetings,-] Both sides held detailed discussion on the evolving global and regional environment and security situation and recognized the importance of strengthening bilateral [-defence-]{+defense+} and security cooperation,\tspelling");
  g_assert_cmpstr (lines[8], ==, "ispr-optimism\tarabnews-2620405\texcerpt\t[-Both sides expressed optimism about-] improving [-defence-]{+defense+} and security collaboration and reaffirmed their commitment to expanding military-to-military engagements and [-related initiatives.-]\tspelling");
  g_assert_true (g_str_has_prefix (lines[9], "ispr-optimism\tbdvoice-rewrite\taltered\tBoth sides expressed optimism about [-improving defence and security-] {+enhancing defense+} collaboration"));
  g_assert_cmpstr (lines[12], ==, "ispr-sylhet\tdawn-1951558\tmarked\tThe CJCSC also visited School of Infantry and Tactics, Sylhet and interacted with faculty and students. The civil-military leadership of Bangladesh appreciated the high professional standards of Pakistan Armed Forces and their achievements and sacrifices in {+[the]+} fight against terrorism.\t");
  g_assert_cmpstr (lines[15], ==, "mirza-support\tbdchronicle-support\tpunctuation\tOur two countries will support each other\t");
  /* Five columns on every line, and no tab inside one. */
  for (guint i = 0; i < 18; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (columns), ==, 5);
    }
}

static void
test_export_to_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = corpus ("good", "full.json");
  g_autofree char *dir = g_dir_make_tmp ("storyline-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "diff.tsv", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (run (f, "--export", "quote-diff", "--output", output, path, NULL), ==, 0);
  g_assert_cmpstr (f->out->str, ==, "");
  g_assert_true (g_file_get_contents (output, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "q1\ts1\tspelling\tWe will defend the [-centre-]{+center+}.\t\n");
  g_remove (output);
  g_rmdir (dir);
}

static void
test_export_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = corpus ("good", "full.json");
  g_autofree char *bad = corpus ("bad", "month-13.json");

  g_assert_cmpint (run (f, "--export", "nonsense", path, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err->str, "storyline: unknown export format “nonsense”; the formats are: apa, chicago, chicago-note, mla, csl-json, bibtex, ris, markdown, csv, timelinejs, quote-diff"));
  g_string_truncate (f->err, 0);
  g_assert_cmpint (run (f, "--export", "quote-diff", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err->str, "Usage: storyline --export FORMAT [--style apa|chicago|mla] [--output FILE] STORY\n"));
  g_string_truncate (f->err, 0);
  /* A story that does not load: its problems, and nothing exported. */
  g_assert_cmpint (run (f, "--export", "quote-diff", bad, NULL), ==, 1);
  g_assert_cmpstr (f->out->str, ==, "");
  g_assert_nonnull (strstr (f->err->str, "events[0].date (event 1, id \"e1\"): error: not a date of the format"));
}

static void
test_export_styles (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "stories", "pakistan-bangladesh-thaw.json", NULL);
  const char *styles[] = { "apa", "chicago", "chicago-note", "mla" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_auto(GStrv) lines = NULL;

      g_string_truncate (f->out, 0);
      g_assert_cmpint (run (f, "--export", styles[i], path, NULL), ==, 0);
      lines = g_strsplit (f->out->str, "\n", -1);
      /* Every source, one line each. */
      g_assert_cmpuint (g_strv_length (lines), ==, 40 + 1);
      for (guint j = 0; j < 35; j++)
        g_assert_cmpstr (lines[j], !=, "");
    }

  /* APA's reference list is in alphabetical order. */
  g_string_truncate (f->out, 0);
  run (f, "--export", "apa", path, NULL);
  g_assert_true (g_str_has_prefix (f->out->str, "Agreement to import rice from Pakistan. (n.d.). bmirror.net.\n"));
  g_assert_nonnull (strstr (f->out->str, "\nInter-Services Public Relations. (2025). [Press release on CJCSC General Sahir Shamshad Mirza’s meetings in Bangladesh] [Press release]. Inter-Services Public Relations.\n"));
}

/* --style: the citations of the exports that cite; --all: claimreview's;
 * pdf: pages, the same bytes for the same story. */
static void
test_export_style_option (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "stories", "pakistan-bangladesh-thaw.json", NULL);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "stories", "example.json", NULL);
  g_autoptr(GString) apa = g_string_new (NULL);
  g_autoptr(GString) pdf = NULL;

  g_assert_cmpint (run (f, "--export", "html", "--style", "apa", path, NULL), ==, 0);
  g_string_assign (apa, f->out->str);
  g_string_truncate (f->out, 0);
  g_assert_cmpint (run (f, "--export", "html", "--style", "mla", path, NULL), ==, 0);
  g_assert_cmpstr (f->out->str, !=, apa->str);
  /* MLA's works cited: titles in quotation marks, no year in brackets. */
  g_assert_nonnull (strstr (f->out->str, "“Pakistan, Bangladesh Pledge to Boost Defence, Security Ties.”"));
  g_string_truncate (f->out, 0);

  g_assert_cmpint (run (f, "--export", "html", "--style", "harvard", path, NULL), ==, 2);
  g_assert_cmpstr (f->err->str, ==, "storyline: unknown style “harvard”; the styles are: apa, chicago, mla\n");
  g_string_truncate (f->err, 0);
  g_assert_cmpint (run (f, "--validate", "--style", "apa", path, NULL), ==, 2);
  g_assert_cmpstr (f->err->str, ==, "storyline: --style goes with --export FORMAT\n");
  g_string_truncate (f->err, 0);
  g_assert_cmpint (run (f, "--export", "html", "--all", path, NULL), ==, 2);
  g_assert_cmpstr (f->err->str, ==, "storyline: --all goes with --export claimreview\n");
  g_string_truncate (f->err, 0);

  /* claimreview: the altered renditions, or all; what the story lacks said. */
  g_assert_cmpint (run (f, "--export", "claimreview", path, NULL), ==, 0);
  g_assert_cmpstr (f->err->str, ==, "");
  g_assert_nonnull (strstr (f->out->str, "\"author\" : {\n      \"@type\" : \"Organization\",\n      \"name\" : \"The Storyline authors\""));
  g_string_truncate (f->out, 0);
  g_assert_cmpint (run (f, "--export", "claimreview", example, NULL), ==, 0);
  g_assert_nonnull (strstr (f->err->str, "warning: the story has no “url”"));
  g_assert_nonnull (strstr (f->err->str, "warning: the story has no “publisher”"));
  g_string_truncate (f->out, 0);
  g_string_truncate (f->err, 0);

  g_assert_cmpint (run (f, "--export", "pdf", "--style", "chicago", path, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out->str, "%PDF-"));
  pdf = g_string_new_len (f->out->str, f->out->len);
  g_string_truncate (f->out, 0);
  g_assert_cmpint (run (f, "--export", "pdf", "--style", "chicago", path, NULL), ==, 0);
  g_assert_cmpuint (f->out->len, ==, pdf->len);
  g_assert_true (memcmp (f->out->str, pdf->str, pdf->len) == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/wants", test_wants);
  ADD ("/cli/validate/valid", test_valid);
  ADD ("/cli/validate/warnings", test_warnings_still_valid);
  ADD ("/cli/validate/invalid", test_invalid);
  ADD ("/cli/validate/path-and-id", test_path_and_id);
  ADD ("/cli/validate/missing-file", test_missing_file);
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/export/quote-diff", test_export_quote_diff);
  ADD ("/cli/export/output", test_export_to_file);
  ADD ("/cli/export/styles", test_export_styles);
  ADD ("/cli/export/usage", test_export_usage);
  ADD ("/cli/export/style-option", test_export_style_option);
  ADD ("/cli/help", test_help);
  ADD ("/cli/export/file-name", test_export_file_name);
#undef ADD

  return g_test_run ();
}
