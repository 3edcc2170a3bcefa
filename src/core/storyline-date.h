/* storyline-date.h: EDTF dates at their own precision
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STORYLINE_TYPE_DATE (storyline_date_get_type ())
#define STORYLINE_DATE_ERROR (storyline_date_error_quark ())

typedef enum
{
  STORYLINE_DATE_ERROR_INVALID,
} StorylineDateError;

typedef enum
{
  STORYLINE_DATE_PRECISION_YEAR = 1,
  STORYLINE_DATE_PRECISION_MONTH,
  STORYLINE_DATE_PRECISION_DAY,
} StorylineDatePrecision;

typedef enum
{
  STORYLINE_DATE_KIND_SINGLE,
  STORYLINE_DATE_KIND_INTERVAL,
  STORYLINE_DATE_KIND_ONE_OF,
} StorylineDateKind;

typedef enum
{
  STORYLINE_DATE_QUALIFIER_NONE        = 0,
  STORYLINE_DATE_QUALIFIER_UNCERTAIN   = 1 << 0,
  STORYLINE_DATE_QUALIFIER_APPROXIMATE = 1 << 1,
} StorylineDateQualifier;

/* One end of a date: a year (astronomical numbering, so 0 is 1 BCE),
 * and a month and a day when the precision reaches them (0 otherwise). */
typedef struct
{
  gint32 year;
  guint8 month;
  guint8 day;
  guint8 precision;   /* StorylineDatePrecision */
  guint8 qualifiers;  /* StorylineDateQualifier */
} StorylineDatePoint;

/* A plain value: copy it with `=`, keep it inline in other structures. For a
 * single date, @end equals @start. A zeroed StorylineDate is "no date". */
typedef struct
{
  StorylineDatePoint start;
  StorylineDatePoint end;
  guint8 kind;        /* StorylineDateKind */
} StorylineDate;

GType             storyline_date_get_type            (void) G_GNUC_CONST;
GQuark            storyline_date_error_quark         (void);

gboolean          storyline_date_parse               (const char          *text,
                                                      StorylineDate       *date,
                                                      GError             **error);
gboolean          storyline_date_is_set              (const StorylineDate *date);
StorylineDate    *storyline_date_copy                (const StorylineDate *date);
void              storyline_date_free                (StorylineDate       *date);

gint64            storyline_date_get_earliest_day    (const StorylineDate *date);
gint64            storyline_date_get_latest_day      (const StorylineDate *date);
int               storyline_date_get_year            (const StorylineDate *date);
int               storyline_date_compare             (const StorylineDate *a,
                                                      const StorylineDate *b);

char             *storyline_date_to_edtf             (const StorylineDate *date);
char             *storyline_date_format              (const StorylineDate *date);
char             *storyline_date_format_year         (int                  year);
const char       *storyline_date_describe_precision  (const StorylineDate *date);

gint64            storyline_days_from_civil          (gint64               year,
                                                      unsigned             month,
                                                      unsigned             day);
unsigned          storyline_days_in_month            (gint64               year,
                                                      unsigned             month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineDate, storyline_date_free)

G_END_DECLS
