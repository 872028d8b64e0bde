/* haven-json-reader.c: JSON read at once into a tree that is freed at once, for imports
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import reads every record of a file once and copies out what it keeps. json-glib 1.6
 * builds a GObject-backed node, a hash table per object and a GScanner token per value for
 * that: reading the 100,000-entry benchmark export (166 MB) took it about 3 s, plus a second
 * to free the tree. This reader does one pass over the text into plain structs carved from
 * large blocks, and frees the blocks.
 *
 * It reads RFC 8259 JSON: no comments, no trailing commas, no single quotes, no lone
 * surrogates, nothing after the value. Two differences: control characters may stand in
 * strings as they are, because json-glib lets them through and writes U+001F so itself, in
 * Haven's own exports too; and \u0000 is refused, as no text in a journal holds it. It does
 * not check UTF-8: the importer has done that for the whole file first. Nesting is limited
 * by the caller, so the recursion is too.
 */
#include "config.h"

#include <string.h>

#include "haven-json-reader.h"

/* The tree's memory: blocks of this size, or one of its own for a larger piece. */
#define BLOCK_SIZE (1024 * 1024)

typedef struct _Block Block;

struct _Block
{
  Block *next;
  gsize  used;
  gsize  size;
  union
  {
    gint64   i;
    double   d;
    gpointer p;
  } data[];   /* aligned for anything the tree holds */
};

struct _HavenJsonTree
{
  Block          *blocks;   /* the newest first */
  HavenJsonValue  root;
};

typedef struct
{
  const char      *p;
  const char      *end;
  guint            depth;
  guint            max_depth;
  HavenJsonTree   *tree;
  GArray          *stack;   /* HavenJsonMember: what the open arrays and objects hold so far */
  HavenJsonResult  result;
  const char      *fault;
} Parser;

static gpointer
tree_alloc (HavenJsonTree *tree,
            gsize          size)
{
  Block *block = tree->blocks;
  gpointer mem;

  size = (size + 7) & ~(gsize)7;

  if (block == NULL || block->size - block->used < size)
    {
      gsize block_size = MAX (BLOCK_SIZE, size);
      Block *fresh = g_malloc (sizeof (Block) + block_size);

      fresh->size = block_size;
      fresh->used = 0;

      /* A piece larger than a block goes behind the current block, which keeps its room. */
      if (block != NULL && block_size > BLOCK_SIZE)
        {
          fresh->next = block->next;
          block->next = fresh;
          fresh->used = size;
          return fresh->data;
        }

      fresh->next = block;
      tree->blocks = block = fresh;
    }

  mem = (char *)block->data + block->used;
  block->used += size;

  return mem;
}

void
_haven_json_tree_free (HavenJsonTree *tree)
{
  Block *block;

  if (tree == NULL)
    return;

  while ((block = tree->blocks) != NULL)
    {
      tree->blocks = block->next;
      g_free (block);
    }

  g_free (tree);
}

const HavenJsonValue *
_haven_json_tree_get_root (HavenJsonTree *tree)
{
  return &tree->root;
}

static gboolean
fail (Parser          *p,
      HavenJsonResult  result,
      const char      *at)
{
  if (p->result == HAVEN_JSON_OK)
    {
      p->result = result;
      p->fault = at;
    }

  return FALSE;
}

static inline void
skip_space (Parser *p)
{
  while (p->p < p->end && (*p->p == ' ' || *p->p == '\n' || *p->p == '\r' || *p->p == '\t'))
    p->p++;
}

/* Four hex digits before @end, as in \uXXXX. */
static gboolean
read_hex4 (const char *s,
           const char *end,
           gunichar   *out)
{
  gunichar c = 0;

  if (end - s < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (s[i]);

      if (digit < 0)
        return FALSE;
      c = c * 16 + (gunichar)digit;
    }

  *out = c;

  return TRUE;
}

/* Decodes the escapes of the string between @s and its closing quote @end into @dest, which
 * has room for end - s bytes and a NUL: no escape decodes to more bytes than it takes. */
static gboolean
decode_string (Parser     *p,
               const char *s,
               const char *end,
               char       *dest)
{
  char *d = dest;

  while (s < end)
    {
      const char *escape = s;
      gunichar c;

      if (*s != '\\')
        {
          *d++ = *s++;
          continue;
        }

      s++;
      switch (*s++)
        {
        case '"':  *d++ = '"';  break;
        case '\\': *d++ = '\\'; break;
        case '/':  *d++ = '/';  break;
        case 'b':  *d++ = '\b'; break;
        case 'f':  *d++ = '\f'; break;
        case 'n':  *d++ = '\n'; break;
        case 'r':  *d++ = '\r'; break;
        case 't':  *d++ = '\t'; break;
        case 'u':
          if (!read_hex4 (s, end, &c))
            return fail (p, HAVEN_JSON_SYNTAX, escape);
          s += 4;

          if (c >= 0xD800 && c <= 0xDBFF)
            {
              gunichar low;

              /* A character beyond the BMP, written as a pair of escapes. */
              if (end - s < 6 || s[0] != '\\' || s[1] != 'u' || !read_hex4 (s + 2, end, &low) ||
                  low < 0xDC00 || low > 0xDFFF)
                return fail (p, HAVEN_JSON_SYNTAX, escape);
              s += 6;
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            }
          else if ((c >= 0xDC00 && c <= 0xDFFF) || c == 0)
            {
              return fail (p, HAVEN_JSON_SYNTAX, escape);
            }

          d += g_unichar_to_utf8 (c, d);
          break;
        default:
          return fail (p, HAVEN_JSON_SYNTAX, escape);
        }
    }

  *d = '\0';

  return TRUE;
}

/* At the opening quote. */
static gboolean
read_string (Parser      *p,
             const char **out)
{
  const char *s = p->p + 1;
  const char *q = s;
  gboolean escaped = FALSE;
  char *dest;

  /* First where it ends, and whether anything in it needs decoding. */
  while (q < p->end && *q != '"')
    {
      if (*q == '\\')
        {
          escaped = TRUE;
          if (++q == p->end)
            break;
        }
      q++;
    }

  if (q >= p->end)
    return fail (p, HAVEN_JSON_SYNTAX, p->end);

  dest = tree_alloc (p->tree, (gsize)(q - s) + 1);
  if (escaped)
    {
      if (!decode_string (p, s, q, dest))
        return FALSE;
    }
  else
    {
      memcpy (dest, s, (gsize)(q - s));
      dest[q - s] = '\0';
    }

  p->p = q + 1;
  *out = dest;

  return TRUE;
}

static gboolean
read_number (Parser         *p,
             HavenJsonValue *v)
{
  const char *s = p->p;
  const char *q = s;
  gboolean whole = TRUE;

  if (q < p->end && *q == '-')
    q++;
  if (q >= p->end || !g_ascii_isdigit (*q))
    return fail (p, HAVEN_JSON_SYNTAX, s);
  if (*q == '0')
    q++;
  else
    while (q < p->end && g_ascii_isdigit (*q))
      q++;

  if (q < p->end && *q == '.')
    {
      whole = FALSE;
      if (++q >= p->end || !g_ascii_isdigit (*q))
        return fail (p, HAVEN_JSON_SYNTAX, q);
      while (q < p->end && g_ascii_isdigit (*q))
        q++;
    }

  if (q < p->end && (*q == 'e' || *q == 'E'))
    {
      whole = FALSE;
      if (++q < p->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= p->end || !g_ascii_isdigit (*q))
        return fail (p, HAVEN_JSON_SYNTAX, q);
      while (q < p->end && g_ascii_isdigit (*q))
        q++;
    }

  p->p = q;

  if (whole)
    {
      gboolean negative = *s == '-';
      guint64 magnitude = 0;
      const char *r;

      for (r = s + negative; r < q; r++)
        {
          guint digit = (guint)(*r - '0');

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            break;
          magnitude = magnitude * 10 + digit;
        }

      if (r == q && !negative && magnitude <= (guint64)G_MAXINT64)
        {
          v->kind = HAVEN_JSON_INT;
          v->integer = (gint64)magnitude;
          return TRUE;
        }
      if (r == q && negative && magnitude <= (guint64)G_MAXINT64 + 1)
        {
          v->kind = HAVEN_JSON_INT;
          v->integer = magnitude == (guint64)G_MAXINT64 + 1 ? G_MININT64 : -(gint64)magnitude;
          return TRUE;
        }
    }

  /* Too large for 64 bits, or not whole: strtod wants the text on its own. */
  {
    g_autofree char *text = g_strndup (s, (gsize)(q - s));

    v->kind = HAVEN_JSON_DOUBLE;
    v->number = g_ascii_strtod (text, NULL);
  }

  return TRUE;
}

static gboolean
read_word (Parser     *p,
           const char *word,
           gsize       len)
{
  if ((gsize)(p->end - p->p) < len || memcmp (p->p, word, len) != 0)
    return fail (p, HAVEN_JSON_SYNTAX, p->p);

  p->p += len;

  return TRUE;
}

static gboolean read_value (Parser *p, HavenJsonValue *v);

/* At the opening bracket or brace: the members (for an array, values with a NULL name) go on
 * the stack as they come, and into the tree at the closing one. */
static gboolean
read_container (Parser         *p,
                HavenJsonValue *v)
{
  gboolean object = *p->p == '{';
  char close = object ? '}' : ']';
  guint base = p->stack->len;

  if (++p->depth > p->max_depth)
    return fail (p, HAVEN_JSON_TOO_DEEP, p->p);

  p->p++;
  skip_space (p);

  if (p->p < p->end && *p->p == close)
    {
      p->p++;
    }
  else
    {
      for (;;)
        {
          HavenJsonMember m = { NULL, { 0 } };

          if (object)
            {
              skip_space (p);
              if (p->p >= p->end || *p->p != '"')
                return fail (p, HAVEN_JSON_SYNTAX, p->p);
              if (!read_string (p, &m.name))
                return FALSE;
              skip_space (p);
              if (p->p >= p->end || *p->p != ':')
                return fail (p, HAVEN_JSON_SYNTAX, p->p);
              p->p++;
            }

          if (!read_value (p, &m.value))
            return FALSE;
          g_array_append_val (p->stack, m);

          skip_space (p);
          if (p->p < p->end && *p->p == ',')
            {
              p->p++;
              continue;
            }
          if (p->p < p->end && *p->p == close)
            {
              p->p++;
              break;
            }
          return fail (p, HAVEN_JSON_SYNTAX, p->p);
        }
    }

  v->n = p->stack->len - base;

  if (object)
    {
      v->kind = HAVEN_JSON_OBJECT;
      v->members = NULL;
      if (v->n > 0)
        {
          v->members = tree_alloc (p->tree, v->n * sizeof (HavenJsonMember));
          memcpy (v->members, &g_array_index (p->stack, HavenJsonMember, base),
                  v->n * sizeof (HavenJsonMember));
        }
    }
  else
    {
      v->kind = HAVEN_JSON_ARRAY;
      v->elements = NULL;
      if (v->n > 0)
        {
          v->elements = tree_alloc (p->tree, v->n * sizeof (HavenJsonValue));
          for (guint i = 0; i < v->n; i++)
            v->elements[i] = g_array_index (p->stack, HavenJsonMember, base + i).value;
        }
    }

  g_array_set_size (p->stack, base);
  p->depth--;

  return TRUE;
}

static gboolean
read_value (Parser         *p,
            HavenJsonValue *v)
{
  skip_space (p);

  if (p->p >= p->end)
    return fail (p, HAVEN_JSON_SYNTAX, p->p);

  v->n = 0;

  switch (*p->p)
    {
    case '{':
    case '[':
      return read_container (p, v);
    case '"':
      v->kind = HAVEN_JSON_STRING;
      return read_string (p, &v->string);
    case 't':
      v->kind = HAVEN_JSON_BOOLEAN;
      v->boolean = TRUE;
      return read_word (p, "true", 4);
    case 'f':
      v->kind = HAVEN_JSON_BOOLEAN;
      v->boolean = FALSE;
      return read_word (p, "false", 5);
    case 'n':
      v->kind = HAVEN_JSON_NULL;
      return read_word (p, "null", 4);
    default:
      /* Which refuses anything that is not a number either. */
      return read_number (p, v);
    }
}

/* Line and column (in characters), from 1, of @at. */
static void
locate (const char *start,
        const char *at,
        guint      *line,
        guint      *column)
{
  *line = 1;
  *column = 1;

  for (const char *s = start; s < at; s++)
    {
      if (*s == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar)*s & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

/**
 * _haven_json_tree_parse:
 * @data: (array length=len): UTF-8, checked by the caller
 * @max_depth: how deep arrays and objects may nest; the outermost is at depth 1
 * @out_tree: (out) (transfer full): the tree, when the result is %HAVEN_JSON_OK
 * @fault_line: (out): otherwise, where the text goes wrong
 * @fault_column: (out):
 */
HavenJsonResult
_haven_json_tree_parse (const char      *data,
                        gsize            len,
                        guint            max_depth,
                        HavenJsonTree  **out_tree,
                        guint           *fault_line,
                        guint           *fault_column)
{
  Parser p = { 0 };

  p.p = data;
  p.end = data + len;
  p.max_depth = max_depth;
  p.tree = g_new0 (HavenJsonTree, 1);
  p.stack = g_array_new (FALSE, FALSE, sizeof (HavenJsonMember));

  if (read_value (&p, &p.tree->root))
    {
      skip_space (&p);
      if (p.p != p.end)
        fail (&p, HAVEN_JSON_SYNTAX, p.p);
    }

  g_array_unref (p.stack);

  *out_tree = NULL;
  *fault_line = 0;
  *fault_column = 0;

  if (p.result != HAVEN_JSON_OK)
    {
      /* Text that stops too early goes wrong at its last character. */
      if (p.fault == p.end && len > 0)
        p.fault--;
      locate (data, p.fault, fault_line, fault_column);
      _haven_json_tree_free (p.tree);
      return p.result;
    }

  *out_tree = p.tree;

  return HAVEN_JSON_OK;
}

/* The member called @name, or %NULL. A name given twice counts the last time, as in
 * json-glib. */
const HavenJsonValue *
_haven_json_object_get (const HavenJsonValue *object,
                        const char           *name)
{
  g_return_val_if_fail (object->kind == HAVEN_JSON_OBJECT, NULL);

  for (guint i = object->n; i-- > 0;)
    if (strcmp (object->members[i].name, name) == 0)
      return &object->members[i].value;

  return NULL;
}
