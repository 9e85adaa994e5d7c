/* test-manifest.c: the editions manifest: paths, defaults, print options, located errors. */
#include "base/pm-error.h"
#include "edition/pm-manifest.h"
#include "pm-test.h"

#include <string.h>

static const char good[] = "output-dir: out\n"
                           "editions:\n"
                           "  - name: booklet\n"
                           "    style: ../styles/booklet-a5.style\n"
                           "    inputs: [a.md, b.md]\n"
                           "    cover-languages: [ru, en]\n"
                           "  - name: print\n"
                           "    style: s.style\n"
                           "    inputs:\n"
                           "      - a.md\n"
                           "    output: booklet-print.pdf\n"
                           "    print: { bleed: 3mm, crop-marks: true, impose: saddle }\n";

static void
test_good (void)
{
  GError *error = NULL;
  g_autofree char *path = pm_test_write_file ("editions.yaml", good, -1);
  g_autoptr (PmManifest) m = pm_manifest_load (path, &error);
  g_assert_no_error (error);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_assert_cmpstr (m->output_dir, ==, out);
  g_assert_cmpuint (m->editions->len, ==, 2);

  const PmEdition *b = pm_manifest_find (m, "booklet");
  g_autofree char *b_out = g_build_filename (out, "booklet.pdf", NULL);
  g_autofree char *a_md = g_build_filename (dir, "a.md", NULL);
  g_assert_cmpstr (b->output, ==, b_out);
  g_assert_cmpuint (b->inputs->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (b->inputs, 0), ==, a_md);
  g_assert_cmpuint (g_strv_length (b->cover_langs), ==, 2);
  g_assert_cmpstr (b->cover_langs[0], ==, "ru");
  g_assert_null (b->bleed);
  g_assert_false (b->impose);

  const PmEdition *p = pm_manifest_find (m, "print");
  g_assert_cmpstr (p->bleed, ==, "3mm");
  g_assert_true (p->crop_marks);
  g_assert_true (p->impose);
  g_assert_false (p->pdfx);
  g_assert_true (g_str_has_suffix (p->output, "/out/booklet-print.pdf"));
  g_assert_null (pm_manifest_find (m, "nope"));

  /* The build command carries every option, then the output and the inputs in order. */
  g_autoptr (GPtrArray) args = pm_edition_build_args (p, "r.json", "d.deps");
  g_autoptr (GString) line = g_string_new (NULL);
  for (guint i = 0; i < args->len; i++)
    g_string_append_printf (line, "%s%s", i ? " " : "", (char *)g_ptr_array_index (args, i));
  g_autofree char *expect = g_strdup_printf (
      "build --style %s/s.style --bleed 3mm --crop-marks --impose --report r.json --deps d.deps "
      "-o %s %s",
      dir, p->output, a_md);
  g_assert_cmpstr (line->str, ==, expect);
}

static void
test_errors (void)
{
  const struct {
    const char *text;
    const char *expect; /* after "PATH:" */
  } cases[] = {
    { "editions: []\n", "1:11: 'editions' must list" },
    { "colour: red\neditions: []\n", "1:1: unknown key 'colour'" },
    { "editions:\n  - style: s\n    inputs: [a]\n", "2:5: this edition has no 'name'" },
    { "editions:\n  - name: x\n    inputs: [a]\n", "2:5: edition 'x' has no 'style'" },
    { "editions:\n  - name: x\n    style: s\n", "2:5: edition 'x' has no 'inputs'" },
    { "editions:\n  - name: x\n    style: s\n    inputs: a.md\n", "4:13: 'inputs' is a list" },
    { "editions:\n  - name: a b\n", "2:11: an edition's name" },
    { "editions:\n  - name: x\n    style: s\n    inputs: [a]\n    print: { bleed: 3px }\n",
      "5:21: 'bleed' is a length" },
    { "editions:\n  - name: x\n    style: s\n    inputs: [a]\n    print: { impose: yes }\n",
      "5:22: 'impose' is saddle or none" },
    { "editions:\n  - name: x\n    style: s\n    inputs: [a]\n    print: { spot: 1 }\n",
      "5:14: unknown print option 'spot'" },
    { "editions:\n  - name: x\n    style: s\n    inputs: [a]\n    fonts: y\n",
      "5:5: unknown key 'fonts'" },
    { "editions:\n  - { name: x, style: s, inputs: [a] }\n  - { name: x, style: s, inputs: [a] }\n",
      "3:5: a second edition named 'x'" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    GError *error = NULL;
    g_autofree char *path = pm_test_write_file ("bad.yaml", cases[i].text, -1);
    PmManifest *m = pm_manifest_load (path, &error);
    g_assert_null (m);
    g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
    g_autofree char *expect = g_strconcat (path, ":", cases[i].expect, NULL);
    if (!g_str_has_prefix (error->message, expect))
      g_error ("case %zu: '%s' does not start with '%s'", i, error->message, expect);
    g_error_free (error);
  }
  GError *error = NULL;
  g_assert_null (pm_manifest_load ("/nonexistent/editions.yaml", &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
  g_error_free (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/manifest/good", test_good);
  g_test_add_func ("/manifest/errors", test_errors);
  return g_test_run ();
}
