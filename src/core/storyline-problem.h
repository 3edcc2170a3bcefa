/* storyline-problem.h: what is wrong with a story file, and where
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STORYLINE_TYPE_PROBLEM (storyline_problem_get_type ())

/* Problems listed for one file; the rest are counted in one more line. */
#define STORYLINE_MAX_PROBLEMS 500

typedef enum
{
  STORYLINE_SEVERITY_ERROR,
  STORYLINE_SEVERITY_WARNING,
} StorylineSeverity;

typedef struct
{
  StorylineSeverity severity;
  char *path;      /* JSON path such as "events[4].date", or NULL for the whole file */
  char *id;        /* id of the object the path is in, or NULL */
  guint line;      /* 1-based, 0 when unknown */
  guint column;    /* 1-based, 0 when unknown */
  char *message;   /* a sentence for a person */
} StorylineProblem;

GType             storyline_problem_get_type   (void) G_GNUC_CONST;
StorylineProblem *storyline_problem_new        (StorylineSeverity       severity,
                                                const char             *path,
                                                const char             *id,
                                                const char             *message);
StorylineProblem *storyline_problem_copy       (const StorylineProblem *problem);
void              storyline_problem_free       (StorylineProblem       *problem);
const char *storyline_problem_get_object (const StorylineProblem *problem,
                                          guint                  *number);
char             *storyline_problem_to_string  (const StorylineProblem *problem,
                                                const char             *file_name);
const char       *storyline_severity_to_string (StorylineSeverity       severity);

GPtrArray        *storyline_problems_new       (void);
guint             storyline_problems_count     (GPtrArray              *problems,
                                                StorylineSeverity       severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineProblem, storyline_problem_free)

G_END_DECLS
