/* test-yaml.c: the YAML tree keeps values, structure and character positions. */
#include "base/pm-error.h"
#include "base/pm-yaml.h"
#include "pm-test.h"

static void
test_tree (void)
{
  GError *error = NULL;
  const char *text = "a: 1\nlist:\n  - x\n  - \"y\"\nmap: { k: v }\nκλειδί: τιμή\n";
  g_autoptr (PmYamlNode) root = pm_yaml_parse ("t.yaml", text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (root->kind, ==, PM_YAML_MAPPING);
  g_assert_cmpuint (pm_yaml_length (root), ==, 4);
  g_assert_cmpstr (pm_yaml_lookup (root, "a")->value, ==, "1");
  const PmYamlNode *list = pm_yaml_lookup (root, "list");
  g_assert_cmpint (list->kind, ==, PM_YAML_SEQUENCE);
  g_assert_cmpuint (pm_yaml_length (list), ==, 2);
  const PmYamlNode *y = pm_yaml_item (list, 1, NULL);
  g_assert_cmpstr (y->value, ==, "y");
  g_assert_true (y->quoted);
  g_assert_cmpuint (y->line, ==, 4);
  g_assert_cmpuint (y->column, ==, 5);
  g_assert_cmpstr (pm_yaml_lookup (pm_yaml_lookup (root, "map"), "k")->value, ==, "v");
  /* Columns count characters, not bytes: "τιμή" starts at character 9 of line 6. */
  const PmYamlNode *greek = pm_yaml_lookup (root, "κλειδί");
  g_assert_cmpuint (greek->line, ==, 6);
  g_assert_cmpuint (greek->column, ==, 9);
  g_assert_null (pm_yaml_lookup (root, "absent"));
  g_assert_null (pm_yaml_lookup (list, "a"));
}

static void
test_empty (void)
{
  GError *error = NULL;
  g_autoptr (PmYamlNode) root = pm_yaml_parse ("e.yaml", "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (root->kind, ==, PM_YAML_MAPPING);
  g_assert_cmpuint (pm_yaml_length (root), ==, 0);
}

static void
test_errors (void)
{
  const struct {
    const char *text;
    const char *expect;
  } cases[] = {
    { "a: [1, 2\nb: 3\n", "bad.yaml:" },
    { "a: 1\n  b: 2\n", "bad.yaml:2:" },
    { "a: &x 1\nb: *x\n", "bad.yaml:2:4: YAML aliases" },
    { "a: 1\nb: \xce\xb1\xff\n", "bad.yaml:2:5: invalid UTF-8" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    GError *error = NULL;
    PmYamlNode *root = pm_yaml_parse ("bad.yaml", cases[i].text, -1, &error);
    g_assert_null (root);
    g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
    if (!g_str_has_prefix (error->message, cases[i].expect))
      g_error ("case %zu: '%s' does not start with '%s'", i, error->message, cases[i].expect);
    g_error_free (error);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/yaml/tree", test_tree);
  g_test_add_func ("/yaml/empty", test_empty);
  g_test_add_func ("/yaml/errors", test_errors);
  return g_test_run ();
}
