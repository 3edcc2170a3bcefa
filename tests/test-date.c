/* test-date.c: EDTF dates: parsing, refusing, ordering, display
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "storyline-date.h"

static StorylineDate
parse (const char *text)
{
  StorylineDate date;
  g_autoptr(GError) error = NULL;

  if (!storyline_date_parse (text, &date, &error))
    g_error ("“%s” should parse: %s", text, error->message);
  return date;
}

static void
assert_refused (const char *text,
                const char *reason)
{
  StorylineDate date;
  g_autoptr(GError) error = NULL;

  g_assert_false (storyline_date_parse (text, &date, &error));
  g_assert_error (error, STORYLINE_DATE_ERROR, STORYLINE_DATE_ERROR_INVALID);
  if (strstr (error->message, reason) == NULL)
    g_error ("“%s” refused with “%s”, expected a reason containing “%s”", text, error->message, reason);
}

static void
test_parse_forms (void)
{
  StorylineDate d;

  d = parse ("1971");
  g_assert_cmpint (d.kind, ==, STORYLINE_DATE_KIND_SINGLE);
  g_assert_cmpint (d.start.precision, ==, STORYLINE_DATE_PRECISION_YEAR);
  g_assert_cmpint (d.start.year, ==, 1971);

  d = parse ("2024-08");
  g_assert_cmpint (d.start.precision, ==, STORYLINE_DATE_PRECISION_MONTH);
  g_assert_cmpuint (d.start.month, ==, 8);
  g_assert_cmpuint (d.start.day, ==, 0);

  d = parse ("2024-02-29");
  g_assert_cmpint (d.start.precision, ==, STORYLINE_DATE_PRECISION_DAY);
  g_assert_cmpuint (d.start.day, ==, 29);

  d = parse ("-0044-03-15");
  g_assert_cmpint (d.start.year, ==, -44);

  d = parse ("0000");
  g_assert_cmpint (d.start.year, ==, 0);

  d = parse ("2025-10-24?");
  g_assert_cmpuint (d.start.qualifiers, ==, STORYLINE_DATE_QUALIFIER_UNCERTAIN);
  d = parse ("1971~");
  g_assert_cmpuint (d.start.qualifiers, ==, STORYLINE_DATE_QUALIFIER_APPROXIMATE);
  d = parse ("1971%");
  g_assert_cmpuint (d.start.qualifiers, ==, STORYLINE_DATE_QUALIFIER_APPROXIMATE | STORYLINE_DATE_QUALIFIER_UNCERTAIN);

  d = parse ("2025-01-13/2025-01-18");
  g_assert_cmpint (d.kind, ==, STORYLINE_DATE_KIND_INTERVAL);
  g_assert_cmpuint (d.end.day, ==, 18);

  d = parse ("[2025-10-24..2025-10-27]");
  g_assert_cmpint (d.kind, ==, STORYLINE_DATE_KIND_ONE_OF);
  g_assert_cmpuint (d.start.day, ==, 24);
  g_assert_cmpuint (d.end.day, ==, 27);

  /* Mixed precision, and an interval inside its own end's month. */
  parse ("2025/2025-03");
  parse ("2025-10-05/2025-10");
}

static void
test_parse_round_trip (void)
{
  const char *forms[] = {
    "1971", "2024-08", "2024-08-05", "-0044", "0000-01-01", "1971~", "2025-10-28?", "1971%",
    "2025-01-13/2025-01-18", "2022-11-27~/2025-11-27~", "[2025-10-24..2025-10-27]", "[2025-01..2025-03]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      StorylineDate d = parse (forms[i]);
      g_autofree char *back = storyline_date_to_edtf (&d);
      g_assert_cmpstr (back, ==, forms[i]);
    }
}

static void
test_parse_refused (void)
{
  assert_refused ("", "empty");
  assert_refused (" 2025", "spaces");
  assert_refused ("2025 ", "spaces");
  assert_refused ("25", "such as 2025, 2025-03 or 2025-03-02");
  assert_refused ("20255", "more than four digits");
  assert_refused ("Y20255", "more than four digits");
  assert_refused ("+2025", "plus sign");
  assert_refused ("-0000", "-0000 does not exist");
  assert_refused ("2025-13", "no month 13");
  assert_refused ("2025-00", "no month 0");
  assert_refused ("2025-21", "seasons");
  assert_refused ("2025-1", "month of two digits");
  assert_refused ("2025-02-30", "only 28 days");
  assert_refused ("2025-02-29", "only 28 days");
  assert_refused ("1900-02-29", "only 28 days");
  assert_refused ("2025-04-31", "only 30 days");
  assert_refused ("2025-10-00", "only 31 days");
  assert_refused ("2025-10-1", "day of two digits");
  assert_refused ("2025-10-27T10:00", "time of day");
  assert_refused ("2025-10-27 10:00", "time of day");
  assert_refused ("2025-1X", "month of two digits");
  assert_refused ("202X", "such as 2025, 2025-03 or 2025-03-02");
  /* Dates as people write them: the form to write instead. */
  assert_refused ("2 March 2025", "dates are written year-month-day: “2025-03-02”");
  assert_refused ("March 3, 2025", "dates are written year-month-day: “2025-03-03”");
  assert_refused ("3rd March 2025", "“2025-03-03”");
  assert_refused ("Oct 2025", "“2025-10”");
  assert_refused ("24 October", "such as 2025");
  assert_refused ("2025-10-27!", "unexpected “!”");
  assert_refused ("2025-10-28/2025-10-24", "first date is after the second");
  assert_refused ("[2025-10-28..2025-10-24]", "first date is after the second");
  assert_refused ("[2025-04-28..2025-04-28]", "same date");
  assert_refused ("2025-10-27/..", "open-ended");
  assert_refused ("../2025-10-27", "open-ended");
  assert_refused ("2025-10-27/", "open-ended");
  assert_refused ("/2025", "open-ended");
  assert_refused ("2025/2026/2027", "exactly one");
  assert_refused ("[2025-10-24..]", "open-ended");
  assert_refused ("[..2025-10-24]", "open-ended");
  assert_refused ("[2025-10-24,2025-10-27]", "lists of dates");
  assert_refused ("[2025-10-24..2025-10-27", "must end with");
  assert_refused ("{2025..2026}", "not supported");
  assert_refused ("2025-10-24..2025-10-27", "in brackets");
}

static void
test_leap_years (void)
{
  parse ("2024-02-29");
  parse ("2000-02-29");
  parse ("0000-02-29");   /* 1 BCE was a leap year in the proleptic calendar */
  parse ("-0004-02-29");
  assert_refused ("2100-02-29", "only 28 days");
  assert_refused ("-0001-02-29", "only 28 days");
}

static int
cmp (const char *a,
     const char *b)
{
  StorylineDate x = parse (a), y = parse (b);
  return storyline_date_compare (&x, &y);
}

static void
test_order (void)
{
  /* Earliest bound first. */
  g_assert_cmpint (cmp ("1971", "2024"), <, 0);
  g_assert_cmpint (cmp ("-0044", "0000"), <, 0);
  g_assert_cmpint (cmp ("2024-08-05", "2024-08-08"), <, 0);
  /* Same earliest day: the one that ends first comes first. */
  g_assert_cmpint (cmp ("2024-08-01", "2024-08"), <, 0);
  g_assert_cmpint (cmp ("2024-08", "2024"), >, 0);
  g_assert_cmpint (cmp ("2024-01", "2024"), <, 0);
  g_assert_cmpint (cmp ("2025-10-24", "[2025-10-24..2025-10-27]"), <, 0);
  g_assert_cmpint (cmp ("[2025-10-24..2025-10-27]", "2025-10-24/2025-10-28"), <, 0);
  /* Qualifiers do not move a date. */
  g_assert_cmpint (cmp ("1971~", "1971"), ==, 0);
  g_assert_cmpint (cmp ("2025-10", "2025-10"), ==, 0);

  g_assert_cmpint (storyline_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (storyline_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (storyline_days_from_civil (-1, 12, 31), ==, storyline_days_from_civil (0, 1, 1) - 1);
}

static void
assert_format (const char *edtf,
               const char *expected)
{
  StorylineDate d = parse (edtf);
  g_autofree char *text = storyline_date_format (&d);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_english (void)
{
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    g_error ("the C.UTF-8 locale is missing");

  assert_format ("1971", "1971");
  assert_format ("2024-08", "August 2024");
  assert_format ("2024-08-05", "5 August 2024");
  /* An interval that begins and ends on the same day: that day. */
  assert_format ("2020-04-28/2020-04-28", "28 April 2020");
  assert_format ("2025/2025", "2025");
  assert_format ("-0044-03-15", "15 March 45 BCE");
  assert_format ("0000", "1 BCE");
  assert_format ("2025-01-13/2025-01-18", "13–18 January 2025");
  assert_format ("2025-10-24/2025-11-02", "24 October – 2 November 2025");
  assert_format ("2024-12-30/2025-01-02", "30 December 2024 – 2 January 2025");
  assert_format ("2025-01/2025-03", "January–March 2025");
  assert_format ("1971/1975", "1971–1975");
  assert_format ("2025/2025-03", "2025 – March 2025");
  assert_format ("[2025-10-24..2025-10-27]", "one day between 24 and 27 October 2025");
  assert_format ("[2025-02-21..2025-02-22]", "21 or 22 February 2025");
  assert_format ("[2025-10-28..2025-11-02]", "one day between 28 October and 2 November 2025");
  assert_format ("[2024-12-30..2025-01-02]", "one day between 30 December 2024 and 2 January 2025");
  assert_format ("[2025-01..2025-03]", "one month between January 2025 and March 2025");
  assert_format ("[1970..1972]", "one year between 1970 and 1972");
  assert_format ("[2025..2025-03]", "some time between 2025 and March 2025");
  assert_format ("1971~", "about 1971");
  assert_format ("2025-10-28?", "28 October 2025 (uncertain)");
  assert_format ("1971%", "about 1971 (uncertain)");
  assert_format ("2022-11-27~/2025-11-27~", "about 27 November 2022 – about 27 November 2025");
  assert_format ("2025-10-24/2025-10-28?", "24 October 2025 – 28 October 2025 (uncertain)");
  assert_format ("[2025-10-24?..2025-10-27?]", "one day between 24 and 27 October 2025 (uncertain)");
}

static void
test_format_french (void)
{
  /* Month names come from the locale; .ci/setup generates fr_FR.UTF-8. */
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    g_error ("the fr_FR.UTF-8 locale is missing: run .ci/setup");

  assert_format ("2024-08", "août 2024");
  assert_format ("2024-08-05", "5 août 2024");
  assert_format ("2025-01-13/2025-01-18", "13–18 janvier 2025");
  assert_format ("1971", "1971");

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_never_first_of_month (void)
{
  StorylineDate d = parse ("2024-08");
  g_autofree char *text = storyline_date_format (&d);

  g_assert_null (strstr (text, "1 "));
  g_assert_cmpint (storyline_date_get_earliest_day (&d), ==, storyline_days_from_civil (2024, 8, 1));
  g_assert_cmpint (storyline_date_get_latest_day (&d), ==, storyline_days_from_civil (2024, 8, 31));
  g_assert_cmpstr (storyline_date_describe_precision (&d), ==, "Known to the month; the day is not known.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/forms", test_parse_forms);
  g_test_add_func ("/date/parse/round-trip", test_parse_round_trip);
  g_test_add_func ("/date/parse/refused", test_parse_refused);
  g_test_add_func ("/date/parse/leap-years", test_leap_years);
  g_test_add_func ("/date/order", test_order);
  g_test_add_func ("/date/format/english", test_format_english);
  g_test_add_func ("/date/format/french", test_format_french);
  g_test_add_func ("/date/format/month-precision", test_never_first_of_month);

  return g_test_run ();
}
