/* storyline-url.c: the one place that decides which URLs become links
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-url.h"

/**
 * storyline_url_check:
 * @url: a URL from a story file
 * @host: (out) (optional) (transfer full): the host, for a link
 *
 * Only http and https URLs with a host and no user name or password are
 * ever offered as links; everything else is shown as text.
 *
 * Returns: the verdict
 */
StorylineUrlVerdict
storyline_url_check (const char  *url,
                     char       **host)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (host != NULL)
    *host = NULL;

  if (url == NULL || *url == '\0')
    return STORYLINE_URL_EMPTY;

  /* GUri accepts some of these in its lenient modes; a link a reader
   * cannot see whole is not offered. */
  for (const char *p = url; *p; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return STORYLINE_URL_MALFORMED;

  if (!g_utf8_validate (url, -1, NULL))
    return STORYLINE_URL_MALFORMED;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return STORYLINE_URL_MALFORMED;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return STORYLINE_URL_NOT_WEB;

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return STORYLINE_URL_NO_HOST;

  if (g_uri_get_userinfo (uri) != NULL)
    return STORYLINE_URL_CREDENTIALS;

  if (host != NULL)
    *host = g_strdup (g_uri_get_host (uri));

  return STORYLINE_URL_LINK;
}

gboolean
storyline_url_is_link (const char *url)
{
  return storyline_url_check (url, NULL) == STORYLINE_URL_LINK;
}

/**
 * storyline_url_describe:
 *
 * Returns: why a URL is not a link, in a sentence
 */
const char *
storyline_url_describe (StorylineUrlVerdict verdict)
{
  switch (verdict)
    {
    case STORYLINE_URL_LINK:
      return _("a web link");
    case STORYLINE_URL_EMPTY:
      return _("the URL is empty");
    case STORYLINE_URL_MALFORMED:
      return _("the URL is malformed or contains spaces; it is shown as text, not as a link");
    case STORYLINE_URL_NOT_WEB:
      return _("only http and https URLs become links; this one is shown as text");
    case STORYLINE_URL_NO_HOST:
      return _("the URL names no host; it is shown as text, not as a link");
    case STORYLINE_URL_CREDENTIALS:
      return _("the URL contains a user name or password; it is shown as text, not as a link");
    default:
      g_return_val_if_reached (NULL);
    }
}
