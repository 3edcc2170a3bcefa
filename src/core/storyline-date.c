/* storyline-date.c: EDTF dates at their own precision
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-date.h"

G_DEFINE_BOXED_TYPE (StorylineDate, storyline_date, storyline_date_copy, storyline_date_free)
G_DEFINE_QUARK (storyline-date-error-quark, storyline_date_error)

/**
 * storyline_days_from_civil:
 *
 * Days from 1970-01-01 in the proleptic Gregorian calendar, for any year
 * (astronomical numbering). GDate and GDateTime stop at year 1; stories
 * do not.
 */
gint64
storyline_days_from_civil (gint64   year,
                           unsigned month,
                           unsigned day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned
storyline_days_in_month (gint64   year,
                         unsigned month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

static gint64
point_earliest (const StorylineDatePoint *p)
{
  return storyline_days_from_civil (p->year,
                                    p->month ? p->month : 1,
                                    p->day ? p->day : 1);
}

static gint64
point_latest (const StorylineDatePoint *p)
{
  unsigned month = p->month ? p->month : 12;
  unsigned day = p->day ? p->day : storyline_days_in_month (p->year, month);

  return storyline_days_from_civil (p->year, month, day);
}

static gboolean
set_error (GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_error (GError     **error,
           const char  *format,
           ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, STORYLINE_DATE_ERROR, STORYLINE_DATE_ERROR_INVALID, message);
  g_free (message);

  return FALSE;
}

static gboolean
parse_digits (const char **p,
              guint        count,
              int         *value)
{
  int v = 0;

  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += count;
  *value = v;
  return TRUE;
}

/* Parses one date such as "2025", "-0044", "2024-08", "2025-10-24?" between
 * @text and @end (exclusive). */
/* A date as people write it in English ("2 March 2025", "March 3, 2025",
 * "Mar 2025", "2025/03/02") in the format's form, or NULL. */
static char *
suggest_form (const char *text)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_auto(GStrv) words = NULL;
  int year = 0, month = 0, day = 0;

  g_strdelimit (lower, ",./-", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gsize n = strlen (w);
      char *rest;
      guint64 value;

      if (n == 0)
        continue;
      if (g_ascii_isdigit (w[0]))
        {
          value = g_ascii_strtoull (w, &rest, 10);
          /* "3rd", "21st" */
          if (*rest != '\0' && !g_str_equal (rest, "st") && !g_str_equal (rest, "nd") &&
              !g_str_equal (rest, "rd") && !g_str_equal (rest, "th"))
            return NULL;
          if (n == 4 && year == 0 && *rest == '\0')
            year = (int) value;
          else if (value >= 1 && value <= 31 && day == 0 && month != 0 && year != 0 && *rest == '\0' && n <= 2)
            day = (int) value;          /* 2025/03/02 */
          else if (value >= 1 && value <= 12 && month == 0 && year != 0 && *rest == '\0' && n <= 2)
            month = (int) value;        /* 2025/03 */
          else if (value >= 1 && value <= 31 && day == 0)
            day = (int) value;
          else
            return NULL;
          continue;
        }
      {
        gboolean found = FALSE;

        for (guint m = 0; m < G_N_ELEMENTS (months) && !found; m++)
          if (n >= 3 && strncmp (months[m], w, n) == 0 && month == 0)
            {
              month = m + 1;
              found = TRUE;
            }
        if (!found)
          return NULL;
      }
    }
  if (year == 0 || (month == 0 && day != 0))
    return NULL;
  if (month == 0)
    return g_strdup_printf ("%04d", year);
  if (day == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
parse_point (const char          *text,
             const char          *end,
             StorylineDatePoint  *point,
             GError             **error)
{
  g_autofree char *shown = g_strndup (text, end - text);
  const char *p = text;
  gboolean negative = FALSE;
  int year, month = 0, day = 0;

  memset (point, 0, sizeof *point);

  if (p == end)
    return set_error (error, _("a date is missing"));

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (*p == '+')
    return set_error (error, _("“%s”: a year takes no plus sign"), shown);

  if (*p == 'Y')
    return set_error (error, _("“%s”: years of more than four digits are not supported"), shown);

  if (end - p < 4 || !parse_digits (&p, 4, &year))
    {
      g_autofree char *form = suggest_form (shown);

      if (form != NULL)
        /* Translators: “2 March 2025”: … “2025-03-02” */
        return set_error (error, _("“%s”: dates are written year-month-day: “%s”"), shown, form);
      return set_error (error, _("“%s”: expected a date such as 2025, 2025-03 or 2025-03-02"), shown);
    }

  if (p < end && g_ascii_isdigit (*p))
    return set_error (error, _("“%s”: years of more than four digits are not supported"), shown);

  if (negative && year == 0)
    return set_error (error, _("“%s”: year -0000 does not exist; 0000 is 1 BCE"), shown);

  point->year = negative ? -year : year;
  point->precision = STORYLINE_DATE_PRECISION_YEAR;

  if (p < end && *p == '-')
    {
      p++;
      if (end - p < 2 || !parse_digits (&p, 2, &month))
        return set_error (error, _("“%s”: expected a month of two digits after the year"), shown);
      if (month >= 21 && month <= 41)
        return set_error (error, _("“%s”: seasons and quarters are not supported"), shown);
      if (month < 1 || month > 12)
        return set_error (error, _("“%s”: there is no month %d"), shown, month);
      point->month = month;
      point->precision = STORYLINE_DATE_PRECISION_MONTH;

      if (p < end && *p == '-')
        {
          unsigned last;

          p++;
          if (end - p < 2 || !parse_digits (&p, 2, &day))
            return set_error (error, _("“%s”: expected a day of two digits after the month"), shown);
          last = storyline_days_in_month (point->year, month);
          if (day < 1 || (unsigned) day > last)
            return set_error (error,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "“%s”: that month has only %u day",
                                           "“%s”: that month has only %u days", last),
                              shown, last);
          point->day = day;
          point->precision = STORYLINE_DATE_PRECISION_DAY;
        }
    }

  if (p < end)
    {
      switch (*p)
        {
        case '?':
          point->qualifiers = STORYLINE_DATE_QUALIFIER_UNCERTAIN;
          p++;
          break;
        case '~':
          point->qualifiers = STORYLINE_DATE_QUALIFIER_APPROXIMATE;
          p++;
          break;
        case '%':
          point->qualifiers = STORYLINE_DATE_QUALIFIER_UNCERTAIN | STORYLINE_DATE_QUALIFIER_APPROXIMATE;
          p++;
          break;
        default:
          break;
        }
    }

  if (p < end)
    {
      if (*p == 'T' || *p == ':' || *p == ' ')
        return set_error (error, _("“%s”: a time of day is not supported; give the date only"), shown);
      if (*p == 'X' || *p == 'u')
        return set_error (error, _("“%s”: unspecified digits are not supported; give a shorter date instead, such as 2025-10"), shown);
      return set_error (error, _("“%s”: unexpected “%c” after the date"), shown, *p);
    }

  return TRUE;
}

/**
 * storyline_date_parse:
 * @text: an EDTF string of the subset in the story format
 * @date: (out caller-allocates): where to put the date
 * @error: the reason a date is refused, in words
 *
 * Returns: %TRUE if @text is a date of the format
 */
gboolean
storyline_date_parse (const char     *text,
                      StorylineDate  *date,
                      GError        **error)
{
  const char *end;
  const char *sep;
  StorylineDate d = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  end = text + strlen (text);

  if (*text == '\0')
    return set_error (error, _("the date is empty"));

  if (g_ascii_isspace (*text) || g_ascii_isspace (end[-1]))
    return set_error (error, _("“%s”: remove the spaces around the date"), text);

  if (*text == '[' || *text == '{')
    {
      if (*text == '{')
        return set_error (error, _("“%s”: “all of” sets {…} are not supported; use an interval A/B"), text);
      if (end[-1] != ']')
        return set_error (error, _("“%s”: a set opened with “[” must end with “]”"), text);
      if (strchr (text, ',') != NULL)
        return set_error (error, _("“%s”: lists of dates are not supported; give a range such as [2025-10-24..2025-10-27]"), text);
      sep = strstr (text, "..");
      if (sep == NULL)
        return set_error (error, _("“%s”: expected a range such as [2025-10-24..2025-10-27]"), text);
      if (sep == text + 1 || sep + 2 == end - 1)
        return set_error (error, _("“%s”: open-ended sets are not supported; give both ends"), text);
      if (!parse_point (text + 1, sep, &d.start, error) ||
          !parse_point (sep + 2, end - 1, &d.end, error))
        return FALSE;
      d.kind = STORYLINE_DATE_KIND_ONE_OF;
    }
  else if ((sep = strchr (text, '/')) != NULL)
    {
      if (sep == text || sep + 1 == end ||
          g_str_has_prefix (sep + 1, "..") || g_str_has_suffix (text, "../") ||
          (sep - text == 2 && text[0] == '.' && text[1] == '.'))
        return set_error (error, _("“%s”: open-ended intervals are not supported; give both ends"), text);
      if (strchr (sep + 1, '/') != NULL)
        return set_error (error, _("“%s”: an interval has exactly one “/”"), text);
      if (!parse_point (text, sep, &d.start, error) ||
          !parse_point (sep + 1, end, &d.end, error))
        return FALSE;
      d.kind = STORYLINE_DATE_KIND_INTERVAL;
    }
  else
    {
      if (strstr (text, "..") != NULL)
        return set_error (error, _("“%s”: a range of possible dates goes in brackets, such as [2025-10-24..2025-10-27]"), text);
      if (!parse_point (text, end, &d.start, error))
        return FALSE;
      d.end = d.start;
      d.kind = STORYLINE_DATE_KIND_SINGLE;
    }

  if (d.kind != STORYLINE_DATE_KIND_SINGLE)
    {
      if (point_earliest (&d.start) > point_latest (&d.end))
        return set_error (error, _("“%s”: the first date is after the second"), text);
      /* An interval may begin and end on the same day (EDTF allows it, and
       * it is shown as that day); a set of one date is written as it. */
      if (d.kind == STORYLINE_DATE_KIND_ONE_OF && memcmp (&d.start, &d.end, sizeof d.start) == 0)
        return set_error (error, _("“%s”: both ends are the same date; give it once"), text);
    }

  *date = d;
  return TRUE;
}

gboolean
storyline_date_is_set (const StorylineDate *date)
{
  return date != NULL && date->start.precision != 0;
}

StorylineDate *
storyline_date_copy (const StorylineDate *date)
{
  return g_memdup2 (date, sizeof *date);
}

void
storyline_date_free (StorylineDate *date)
{
  g_free (date);
}

/**
 * storyline_date_get_earliest_day:
 *
 * Returns: the first day @date can mean, as days from 1970-01-01
 */
gint64
storyline_date_get_earliest_day (const StorylineDate *date)
{
  return point_earliest (&date->start);
}

/**
 * storyline_date_get_latest_day:
 *
 * Returns: the last day @date can mean, as days from 1970-01-01
 */
gint64
storyline_date_get_latest_day (const StorylineDate *date)
{
  return point_latest (&date->end);
}

/**
 * storyline_date_get_year:
 *
 * Returns: the year of the earliest day @date can mean (astronomical: 0 is 1 BCE)
 */
int
storyline_date_get_year (const StorylineDate *date)
{
  return date->start.year;
}

/**
 * storyline_date_compare:
 *
 * Orders by the earliest day, then by the latest. Equal dates compare 0;
 * callers keep file order for those with a stable sort.
 */
int
storyline_date_compare (const StorylineDate *a,
                        const StorylineDate *b)
{
  gint64 x = storyline_date_get_earliest_day (a);
  gint64 y = storyline_date_get_earliest_day (b);

  if (x != y)
    return x < y ? -1 : 1;

  x = storyline_date_get_latest_day (a);
  y = storyline_date_get_latest_day (b);
  if (x != y)
    return x < y ? -1 : 1;

  return 0;
}

static void
append_point_edtf (GString                  *s,
                   const StorylineDatePoint *p)
{
  if (p->year < 0)
    g_string_append_printf (s, "-%04d", -p->year);
  else
    g_string_append_printf (s, "%04d", p->year);
  if (p->precision >= STORYLINE_DATE_PRECISION_MONTH)
    g_string_append_printf (s, "-%02u", p->month);
  if (p->precision >= STORYLINE_DATE_PRECISION_DAY)
    g_string_append_printf (s, "-%02u", p->day);
  if (p->qualifiers == (STORYLINE_DATE_QUALIFIER_UNCERTAIN | STORYLINE_DATE_QUALIFIER_APPROXIMATE))
    g_string_append_c (s, '%');
  else if (p->qualifiers & STORYLINE_DATE_QUALIFIER_UNCERTAIN)
    g_string_append_c (s, '?');
  else if (p->qualifiers & STORYLINE_DATE_QUALIFIER_APPROXIMATE)
    g_string_append_c (s, '~');
}

/**
 * storyline_date_to_edtf:
 *
 * Returns: (transfer full): @date written back as EDTF
 */
char *
storyline_date_to_edtf (const StorylineDate *date)
{
  GString *s = g_string_new (NULL);

  if (!storyline_date_is_set (date))
    return g_string_free (s, FALSE);

  if (date->kind == STORYLINE_DATE_KIND_ONE_OF)
    g_string_append_c (s, '[');
  append_point_edtf (s, &date->start);
  if (date->kind == STORYLINE_DATE_KIND_INTERVAL)
    {
      g_string_append_c (s, '/');
      append_point_edtf (s, &date->end);
    }
  else if (date->kind == STORYLINE_DATE_KIND_ONE_OF)
    {
      g_string_append (s, "..");
      append_point_edtf (s, &date->end);
      g_string_append_c (s, ']');
    }

  return g_string_free (s, FALSE);
}

/* Display. Every word order is a translatable string, so that a translator
 * can put day, month and year where their language wants them; month names
 * come from the C library's locale data. */

/**
 * storyline_date_format_year:
 *
 * Returns: (transfer full): @year for display, "45 BCE" for -0044
 */
char *
storyline_date_format_year (int year)
{
  if (year <= 0)
    /* Translators: a year before the common era, as in "45 BCE" */
    return g_strdup_printf (_("%d BCE"), 1 - year);
  /* Translators: a year of the common era; use %Id for your locale's digits */
  return g_strdup_printf (C_("year", "%d"), year);
}

/* Month names do not depend on the year, so any year GDateTime takes will do
 * (it refuses years before 1). @standalone asks for the nominative form,
 * used without a day ("August 2024"). */
static char *
month_name (unsigned month,
            gboolean standalone)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  return g_date_time_format (dt, standalone ? "%OB" : "%B");
}

static char *
format_point_plain (const StorylineDatePoint *p)
{
  g_autofree char *year = storyline_date_format_year (p->year);
  g_autofree char *month = NULL;

  switch (p->precision)
    {
    case STORYLINE_DATE_PRECISION_YEAR:
      return g_steal_pointer (&year);

    case STORYLINE_DATE_PRECISION_MONTH:
      month = month_name (p->month, TRUE);
      /* Translators: a month and its year, as in "August 2024" */
      return g_strdup_printf (C_("date", "%1$s %2$s"), month, year);

    case STORYLINE_DATE_PRECISION_DAY:
    default:
      month = month_name (p->month, FALSE);
      /* Translators: a day, its month and year, as in "5 August 2024" */
      return g_strdup_printf (C_("date", "%1$u %2$s %3$s"), p->day, month, year);
    }
}

static char *
apply_qualifiers (char  *text,
                  guint  qualifiers)
{
  char *result;

  if (qualifiers == (STORYLINE_DATE_QUALIFIER_UNCERTAIN | STORYLINE_DATE_QUALIFIER_APPROXIMATE))
    /* Translators: a date that is both approximate and uncertain */
    result = g_strdup_printf (_("about %s (uncertain)"), text);
  else if (qualifiers & STORYLINE_DATE_QUALIFIER_UNCERTAIN)
    /* Translators: a date the sources are not sure of */
    result = g_strdup_printf (_("%s (uncertain)"), text);
  else if (qualifiers & STORYLINE_DATE_QUALIFIER_APPROXIMATE)
    /* Translators: an approximate date, as in "about 1971" */
    result = g_strdup_printf (_("about %s"), text);
  else
    return text;

  g_free (text);
  return result;
}

static char *
format_point (const StorylineDatePoint *p)
{
  return apply_qualifiers (format_point_plain (p), p->qualifiers);
}

/* "13–18 January 2025", "24 October – 2 November 2025", "January–March 2025",
 * "1971–1975", or both ends in full. Qualifiers are left to the caller. */
static char *
format_span (const StorylineDatePoint *a,
             const StorylineDatePoint *b)
{
  g_autofree char *year = NULL;
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (a->precision == b->precision && a->year == b->year)
    {
      year = storyline_date_format_year (a->year);

      if (a->precision == STORYLINE_DATE_PRECISION_DAY)
        {
          m1 = month_name (a->month, FALSE);
          if (a->month == b->month)
            /* Translators: days of one month, as in "13–18 January 2025" */
            return g_strdup_printf (C_("date span", "%1$u–%2$u %3$s %4$s"), a->day, b->day, m1, year);
          m2 = month_name (b->month, FALSE);
          /* Translators: days of one year, as in "24 October – 2 November 2025" */
          return g_strdup_printf (C_("date span", "%1$u %2$s – %3$u %4$s %5$s"), a->day, m1, b->day, m2, year);
        }

      if (a->precision == STORYLINE_DATE_PRECISION_MONTH)
        {
          m1 = month_name (a->month, TRUE);
          m2 = month_name (b->month, TRUE);
          /* Translators: months of one year, as in "January–March 2025" */
          return g_strdup_printf (C_("date span", "%1$s–%2$s %3$s"), m1, m2, year);
        }
    }

  first = format_point_plain (a);
  second = format_point_plain (b);
  if (a->precision == STORYLINE_DATE_PRECISION_YEAR && b->precision == STORYLINE_DATE_PRECISION_YEAR)
    /* Translators: a span of years, as in "1971–1975" */
    return g_strdup_printf (C_("date span", "%1$s–%2$s"), first, second);
  /* Translators: a span between two dates written in full */
  return g_strdup_printf (C_("date span", "%1$s – %2$s"), first, second);
}

/* "one day between 24 and 27 October 2025" and its kin. */
static char *
format_one_of (const StorylineDatePoint *a,
               const StorylineDatePoint *b)
{
  g_autofree char *year = NULL;
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (a->precision == STORYLINE_DATE_PRECISION_DAY && b->precision == STORYLINE_DATE_PRECISION_DAY &&
      a->year == b->year)
    {
      year = storyline_date_format_year (a->year);
      m1 = month_name (a->month, FALSE);
      if (a->month == b->month && a->day + 1 == b->day)
        /* Translators: one of two days, as in "21 or 22 February 2025" */
        return g_strdup_printf (C_("date", "%1$u or %2$u %3$s %4$s"), a->day, b->day, m1, year);
      if (a->month == b->month)
        /* Translators: a day not known exactly, as in "one day between 24 and 27 October 2025" */
        return g_strdup_printf (C_("date", "one day between %1$u and %2$u %3$s %4$s"), a->day, b->day, m1, year);
      m2 = month_name (b->month, FALSE);
      /* Translators: as in "one day between 28 October and 2 November 2025" */
      return g_strdup_printf (C_("date", "one day between %1$u %2$s and %3$u %4$s %5$s"), a->day, m1, b->day, m2, year);
    }

  first = format_point_plain (a);
  second = format_point_plain (b);

  if (a->precision == b->precision)
    {
      switch (a->precision)
        {
        case STORYLINE_DATE_PRECISION_DAY:
          /* Translators: a day not known exactly, between two dates */
          return g_strdup_printf (C_("date", "one day between %1$s and %2$s"), first, second);
        case STORYLINE_DATE_PRECISION_MONTH:
          /* Translators: a month not known exactly, as in "one month between January 2025 and March 2025" */
          return g_strdup_printf (C_("date", "one month between %1$s and %2$s"), first, second);
        case STORYLINE_DATE_PRECISION_YEAR:
        default:
          /* Translators: a year not known exactly, as in "one year between 1970 and 1972" */
          return g_strdup_printf (C_("date", "one year between %1$s and %2$s"), first, second);
        }
    }

  /* Translators: a date not known exactly, between two dates of different precision */
  return g_strdup_printf (C_("date", "some time between %1$s and %2$s"), first, second);
}

/**
 * storyline_date_format:
 *
 * Formats @date at its own precision, in the user's language: "1971",
 * "August 2024" (never the first of August), "13–18 January 2025", "one day
 * between 24 and 27 October 2025", "about 1971".
 *
 * Returns: (transfer full): the text, empty for an unset date
 */
char *
storyline_date_format (const StorylineDate *date)
{
  const StorylineDatePoint *a, *b;
  char *span;

  if (!storyline_date_is_set (date))
    return g_strdup ("");

  a = &date->start;
  b = &date->end;

  switch (date->kind)
    {
    case STORYLINE_DATE_KIND_SINGLE:
      return format_point (a);

    case STORYLINE_DATE_KIND_INTERVAL:
      if (memcmp (a, b, sizeof *a) == 0)
        return format_point (a);
      G_GNUC_FALLTHROUGH;
    case STORYLINE_DATE_KIND_ONE_OF:
      /* A qualified interval says so at each end: "about 1950 – about
       * 1960" cannot be misread as only its start being approximate. */
      if (a->qualifiers == 0 && b->qualifiers == 0)
        return date->kind == STORYLINE_DATE_KIND_INTERVAL ? format_span (a, b) : format_one_of (a, b);
      if (date->kind == STORYLINE_DATE_KIND_ONE_OF && a->qualifiers == b->qualifiers)
        {
          StorylineDatePoint pa = *a, pb = *b;

          pa.qualifiers = pb.qualifiers = 0;
          span = format_one_of (&pa, &pb);
          return apply_qualifiers (span, a->qualifiers);
        }
      else
        {
          g_autofree char *first = format_point (a);
          g_autofree char *second = format_point (b);

          if (date->kind == STORYLINE_DATE_KIND_INTERVAL)
            return g_strdup_printf (C_("date span", "%1$s – %2$s"), first, second);
          return g_strdup_printf (C_("date", "some time between %1$s and %2$s"), first, second);
        }

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * storyline_date_describe_precision:
 *
 * Returns: what the precision of @date means, in a sentence for a reader
 */
const char *
storyline_date_describe_precision (const StorylineDate *date)
{
  if (!storyline_date_is_set (date))
    return _("No date");

  switch (date->kind)
    {
    case STORYLINE_DATE_KIND_ONE_OF:
      return _("It happened once within this range; the sources do not say exactly when.");
    case STORYLINE_DATE_KIND_INTERVAL:
      if (memcmp (&date->start, &date->end, sizeof date->start) != 0)
        return _("It lasted from the first date to the second.");
      break;
    case STORYLINE_DATE_KIND_SINGLE:
    default:
      break;
    }

  switch (date->start.precision)
    {
    case STORYLINE_DATE_PRECISION_YEAR:
      return _("Known to the year.");
    case STORYLINE_DATE_PRECISION_MONTH:
      return _("Known to the month; the day is not known.");
    case STORYLINE_DATE_PRECISION_DAY:
    default:
      return _("Known to the day.");
    }
}
