/* fuzz-style.c: libFuzzer target for style sheets. Any bytes must give a style or an error
 * message, never a crash, a leak or a hang; a style must answer every accessor. */
#include "style/pm-style.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const elements[] = {
    "body", "h1", "h4", "note", "quote", "list", "cover-title"
  };
  static const char *const langs[] = { NULL, "el", "ru-RU", "xx" };
  GError *error = NULL;
  PmStyle *style = pm_style_load_data ("fuzz.style", (const char *)data, (gssize)size, &error);
  if (!style) {
    g_assert (error && error->message[0]);
    g_error_free (error);
    return 0;
  }
  double sum = pm_style_get_page (style)->measure + pm_style_get_notes (style)->rule_length +
               pm_style_get_cover (style)->gap + pm_style_protrusion (style, ',', TRUE);
  for (size_t i = 0; i < G_N_ELEMENTS (elements); i++)
    for (size_t j = 0; j < G_N_ELEMENTS (langs); j++) {
      PmTextStyle t = pm_style_get_text (style, elements[i], langs[j]);
      g_assert (t.family && t.features);
      sum += t.size + t.leading + pm_style_get_lang (style, langs[j])->hyphen_min_left;
    }
  (void)sum;
  pm_style_free (style);
  return 0;
}
