/* storyline-spelling.c: one word spelt the British and the American way
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-spelling.h"

/* British and American spellings
 *
 * A table of pairs that no rule covers, matched as prefixes with the same
 * ending ("defences"/"defenses"), and rules for the regular families. A
 * word that neither knows is not a spelling pair: the rendition is then
 * "altered", never guessed. Words are compared case-folded, ASCII only. */

static const char * const spelling_table[][2] = {
  { "defence", "defense" }, { "offence", "offense" }, { "licence", "license" },
  { "pretence", "pretense" }, { "grey", "gray" }, { "programme", "program" },
  { "cheque", "check" }, { "tyre", "tire" }, { "aluminium", "aluminum" },
  { "plough", "plow" }, { "mould", "mold" }, { "sceptic", "skeptic" },
  { "manoeuvre", "maneuver" }, { "catalogue", "catalog" }, { "dialogue", "dialog" },
  { "analogue", "analog" }, { "ageing", "aging" }, { "judgement", "judgment" },
  { "acknowledgement", "acknowledgment" }, { "enrolment", "enrollment" }, { "enrol", "enroll" },
  { "fulfilment", "fulfillment" }, { "fulfil", "fulfill" }, { "skilful", "skillful" },
  { "wilful", "willful" }, { "instalment", "installment" }, { "jewellery", "jewelry" },
  { "kerb", "curb" }, { "pyjamas", "pajamas" }, { "artefact", "artifact" },
  { "encyclopaedia", "encyclopedia" }, { "paediatric", "pediatric" }, { "anaemia", "anemia" },
  { "oestrogen", "estrogen" }, { "foetus", "fetus" }, { "orthopaedic", "orthopedic" },
  { "cosy", "cozy" }, { "moustache", "mustache" }, { "sulphur", "sulfur" },
  { "storey", "story" }, { "draught", "draft" }, { "fuelled", "fueled" },
  { "fuelling", "fueling" }, { "woollen", "woolen" }, { "marvellous", "marvelous" },
  { "yoghurt", "yogurt" }, { "practise", "practice" }, { "mum", "mom" },
};

/* Words spelt with -ise on both sides of the Atlantic. */
static const char * const ise_everywhere[] = {
  "advis", "devis", "revis", "supervis", "televis", "exercis", "compromis", "enterpris",
  "surpris", "despis", "compris", "promis", "premis", "precis", "concis", "incis",
  "circumcis", "franchis", "merchandis", "expertis", "disguis", "chastis", "excis",
  "improvis", "wis", "ris", "aris", "pois", "nois", "chemis", "apprais", NULL
};

/* Words that double the l in American English too. */
static const char * const ll_everywhere[] = {
  "controll", "patroll", "compell", "propell", "rebell", "repell", "excell", "expell",
  "extoll", "enroll", "install", "recall", "befall", "distill", "instill", NULL
};

static gboolean
is_ascii_word (const char *w)
{
  for (; *w; w++)
    if (!g_ascii_isalpha (*w))
      return FALSE;
  return TRUE;
}

static gboolean
starts_with_any (const char         *word,
                 const char * const *stems)
{
  for (guint i = 0; stems[i]; i++)
    if (g_str_has_prefix (word, stems[i]))
      return TRUE;
  return FALSE;
}

static guint
vowel_groups (const char *s,
              gsize       len)
{
  guint groups = 0;
  gboolean in_vowel = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      gboolean v = strchr ("aeiouy", s[i]) != NULL;
      if (v && !in_vowel)
        groups++;
      in_vowel = v;
    }
  return groups;
}

/* Does replacing @from by @to at some position of @uk, with at least
 * @min_before letters before it and one of @followers (or the end) after
 * it, give @us? */
static gboolean
rule_replace (const char         *uk,
              const char         *us,
              const char         *from,
              const char         *to,
              gsize               min_before,
              const char * const *followers)
{
  gsize from_len = strlen (from), to_len = strlen (to);
  gsize uk_len = strlen (uk), us_len = strlen (us);

  if (uk_len - from_len + to_len != us_len)
    return FALSE;

  for (const char *p = strstr (uk, from); p != NULL; p = strstr (p + 1, from))
    {
      gsize pos = p - uk;
      const char *after = p + from_len;
      gboolean follower_ok = followers == NULL;

      if (pos < min_before)
        continue;
      for (guint i = 0; followers && followers[i] && !follower_ok; i++)
        follower_ok = g_str_equal (after, followers[i]);
      if (!follower_ok)
        continue;
      if (strncmp (uk, us, pos) == 0 && strncmp (us + pos, to, to_len) == 0 &&
          g_str_equal (after, us + pos + to_len))
        return TRUE;
    }
  return FALSE;
}

static gboolean
british_to_american (const char *uk,
                     const char *us)
{
  static const char * const our_followers[] = {
    "", "s", "ed", "ing", "able", "ably", "ful", "fully", "ite", "ites", "er", "ers", "less",
    "ism", "ist", "ists", "some", "ous", NULL
  };
  static const char * const ise_followers[] = {
    "e", "es", "ed", "ing", "er", "ers", "ation", "ations", "able", NULL
  };
  static const char * const re_followers[] = { "", "s", NULL };
  static const char * const ll_followers[] = { "ed", "ing", "er", "ers", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (spelling_table); i++)
    {
      const char *a = spelling_table[i][0], *b = spelling_table[i][1];
      if (g_str_has_prefix (uk, a) && g_str_has_prefix (us, b) &&
          g_str_equal (uk + strlen (a), us + strlen (b)))
        return TRUE;
    }

  /* colour/color, honoured/honored, favourite/favorite */
  if (rule_replace (uk, us, "our", "or", 2, our_followers))
    return TRUE;

  /* recognise/recognize, organisation/organization, analyse/analyze */
  if (!starts_with_any (uk, ise_everywhere) &&
      (rule_replace (uk, us, "is", "iz", 3, ise_followers) ||
       rule_replace (uk, us, "ys", "yz", 3, ise_followers)))
    return TRUE;

  /* centre/center, theatres/theaters, fibre/fiber */
  if (rule_replace (uk, us, "tre", "ter", 2, re_followers) ||
      rule_replace (uk, us, "bre", "ber", 2, re_followers))
    return TRUE;
  /* centred/centered, centring/centering */
  if (rule_replace (uk, us, "tred", "tered", 2, NULL) ||
      rule_replace (uk, us, "tring", "tering", 2, NULL))
    return TRUE;

  /* travelled/traveled, cancelling/canceling, modeller/modeler: only
   * where the l ends an unstressed syllable of a longer word, so that
   * filled/filed never pass. */
  if (!starts_with_any (uk, ll_everywhere))
    {
      const char *ll = strstr (uk, "ll");
      if (ll != NULL && vowel_groups (uk, ll - uk) >= 2 &&
          rule_replace (uk, us, "ll", "l", 3, ll_followers))
        return TRUE;
    }

  return FALSE;
}

/**
 * storyline_is_spelling_pair:
 *
 * Returns: %TRUE when @a and @b (case-folded words) are the British and the
 *   American spelling of one word, either way round
 */
gboolean
storyline_is_spelling_pair (const char *a,
                            const char *b)
{
  if (g_str_equal (a, b) || !is_ascii_word (a) || !is_ascii_word (b))
    return FALSE;
  return british_to_american (a, b) || british_to_american (b, a);
}
