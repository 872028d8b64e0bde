/* haven-json-reader.h: JSON read at once into a tree that is freed at once, for imports
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HAVEN_JSON_NULL,
  HAVEN_JSON_BOOLEAN,
  HAVEN_JSON_INT,      /* a number without fraction or exponent that fits in 64 bits */
  HAVEN_JSON_DOUBLE,   /* any other number */
  HAVEN_JSON_STRING,
  HAVEN_JSON_ARRAY,
  HAVEN_JSON_OBJECT,
} HavenJsonKind;

typedef struct _HavenJsonValue  HavenJsonValue;
typedef struct _HavenJsonMember HavenJsonMember;

struct _HavenJsonValue
{
  HavenJsonKind  kind;
  guint          n;             /* elements of an array, members of an object */
  union
  {
    gboolean          boolean;
    gint64            integer;
    double            number;
    const char       *string;   /* UTF-8, never holds a NUL */
    HavenJsonValue   *elements;
    HavenJsonMember  *members;  /* in the order of the file */
  };
};

struct _HavenJsonMember
{
  const char     *name;
  HavenJsonValue  value;
};

typedef enum
{
  HAVEN_JSON_OK,
  HAVEN_JSON_SYNTAX,    /* not JSON (RFC 8259), or a string with \u0000 in it */
  HAVEN_JSON_TOO_DEEP,  /* arrays and objects nested deeper than asked */
} HavenJsonResult;

typedef struct _HavenJsonTree HavenJsonTree;

HavenJsonResult       _haven_json_tree_parse       (const char            *data,
                                                    gsize                  len,
                                                    guint                  max_depth,
                                                    HavenJsonTree        **out_tree,
                                                    guint                 *fault_line,
                                                    guint                 *fault_column);
const HavenJsonValue *_haven_json_tree_get_root    (HavenJsonTree         *tree);
void                  _haven_json_tree_free        (HavenJsonTree         *tree);

const HavenJsonValue *_haven_json_object_get       (const HavenJsonValue  *object,
                                                    const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenJsonTree, _haven_json_tree_free)

G_END_DECLS
