/* storyline-export-private.h: the export formats kept in files of their own
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-citation.h"
#include "storyline-fidelity.h"
#include "storyline-story.h"

G_BEGIN_DECLS

/* storyline-export-markdown.c */
void storyline_export_markdown (StorylineStory         *story,
                                StorylineCitationStyle  style,
                                GString                *out);

/* storyline-export-html.c */
void storyline_export_html        (StorylineStory         *story,
                                   StorylineCitationStyle  style,
                                   GString                *out);

/* storyline-export-claimreview.c */
void storyline_export_claimreview (StorylineStory         *story,
                                   StorylineCitationStyle  style,
                                   gboolean                all,
                                   GString                *out);

/* storyline-publish.c: what the publishing exports share */
void        storyline_publish_drop_overrides (GString                 *out,
                                              gsize                    from);
void        storyline_publish_text           (GString                 *out,
                                              const char              *text);
void        storyline_publish_paragraphs     (GString                 *out,
                                              const char              *text,
                                              const char              *attributes);
gboolean    storyline_publish_is_web_link    (const char              *url);
void        storyline_publish_json_string    (GString                 *out,
                                              const char              *text);
void        storyline_publish_diff           (GString                 *out,
                                              const StorylineFidelity *fidelity);
typedef struct _StorylinePublishCitations StorylinePublishCitations;

StorylinePublishCitations *storyline_publish_citations_new   (StorylineCitationStyle     style,
                                                              StorylineMarkup            markup);
void                       storyline_publish_citations_free  (StorylinePublishCitations *citations);
const char                *storyline_publish_citations_entry (StorylinePublishCitations *citations,
                                                              StorylineSource           *source);
const char                *storyline_publish_citations_cite  (StorylinePublishCitations *citations,
                                                              StorylineSource           *source,
                                                              const char                *locator);
GPtrArray                 *storyline_publish_reference_order (StorylineStory           *story,
                                                              StorylinePublishCitations *citations);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylinePublishCitations, storyline_publish_citations_free)

void        storyline_publish_citation       (GString                 *out,
                                              StorylinePublishCitations *citations,
                                              StorylineSource         *source);
const char *storyline_publish_note_kind      (StorylineNoteKind        kind);

G_END_DECLS
