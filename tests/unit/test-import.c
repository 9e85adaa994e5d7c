/* test-import.c: each import rule, on excerpts from the seeds in corpus/raw/. */
#include "base/pm-error.h"
#include "import/pm-import.h"
#include "pm-test.h"

#include <string.h>

/* Imports TEXT as LANG (with BRACKETS for --bracket-notes); returns the body after the
 * front matter and, in *WARNINGS, the formatted diagnostics joined by newlines. */
static char *
import_full (const char *lang, const char *text, gboolean brackets, const char *notes,
             char **warnings)
{
  PmImport *imp = pm_import_new (lang);
  PmDiagnostics *d = pm_diagnostics_new ();
  GError *error = NULL;
  pm_import_set_bracket_notes (imp, brackets);
  if (notes)
    g_assert_true (pm_import_set_notes (imp, "notes.md", notes, &error));
  char *out = pm_import_run (imp, "raw.txt", text, -1, d, &error);
  g_assert_no_error (error);
  GString *w = g_string_new (NULL);
  for (guint i = 0; i < pm_diagnostics_length (d); i++) {
    char *s = pm_diagnostic_format (pm_diagnostics_get (d, i));
    g_string_append_printf (w, "%s\n", s);
    g_free (s);
  }
  if (warnings)
    *warnings = g_string_free (w, FALSE);
  else
    g_string_free (w, TRUE);
  pm_diagnostics_free (d);
  pm_import_free (imp);
  const char *body = strstr (out + 3, "\n---\n");
  g_assert_nonnull (body);
  char *result = g_strdup (body + 5);
  g_free (out);
  return result;
}

static char *
import (const char *lang, const char *text)
{
  return import_full (lang, text, FALSE, NULL, NULL);
}

/* Greek (seed 000): hard wrapping and the doubled spaces of justified text. */
static void
test_unwrap (void)
{
  char *md = import ("el", " Στο Καζακστάν, υπάρχει πλέον μια πραγματική λαϊκή εξέγερση,\n"
                           "και από την αρχή οι διαμαρτυρίες είχαν κοινωνικό και ταξικό\n"
                           "διαμαρτυρίες  ξεκίνησαν  από  τη  Ζαναόζεν  με  πρωτοβουλία  των\n"
                           "εργαζομένων στο πετρέλαιο.\n\n"
                           "Και η δυναμική αυτού του κινήματος είναι ενδεικτική, καθώς\n"
                           "ξεκίνησε ως κοινωνική διαμαρτυρία.\n");
  g_assert_cmpstr (md, ==,
                   "\nΣτο Καζακστάν, υπάρχει πλέον μια πραγματική λαϊκή εξέγερση, και από την "
                   "αρχή οι διαμαρτυρίες είχαν κοινωνικό και ταξικό διαμαρτυρίες ξεκίνησαν από "
                   "τη Ζαναόζεν με πρωτοβουλία των εργαζομένων στο πετρέλαιο.\n\n"
                   "Και η δυναμική αυτού του κινήματος είναι ενδεικτική, καθώς ξεκίνησε ως "
                   "κοινωνική διαμαρτυρία.\n");
  g_free (md);
}

/* Greek (seed 000): a paragraph cut in two by a page break goes on after the blank lines. */
static void
test_page_break (void)
{
  char *md =
      import ("el", "προσωρινές  ή  χαμηλά  αμειβόμενες  θέσεις  εργασίας.  Και  οι\n"
                    "προσπάθειες να τους κατευνάσουν με υποσχέσεις για μείωση της\n\n"
                    "τιμής του φυσικού αερίου στα 50 τένγκε, ξεχωριστά.\n\n"
                    "πριν  –  στο Πετροπαβλόφσκ, στο Σεμιπαλατίνσκ. Ταυτόχρονα, στο Ακτόμπε, το\n"
                    "\n\n\nΤαλντικοργκάν, τη Σιμκέντ και το Αλμάτι, έγιναν προσπάθειες να\n"
                    "καταλάβουν τα κτίρια των περιφερειακών ακιμάτ.\n\n"
                    "Το σοσιαλιστικό κίνημα στο Καζακστάν απαιτεί:\n\n"
                    "Άμεση  παύση  των  εχθροπραξιών  εναντίον  του  λαού  της  και\n"
                    "απόσυρση των στρατευμάτων από τις πόλεις!\n");
  g_assert_nonnull (strstr (md, "μείωση της τιμής του"));
  g_assert_nonnull (strstr (md, "στο Ακτόμπε, το Ταλντικοργκάν, τη"));
  g_assert_nonnull (strstr (md, "απαιτεί:\n\nΆμεση παύση"));
  g_free (md);
}

/* A compound's hyphen at a line end stays; a word the line end hyphenated is rejoined. */
static void
test_line_end_hyphen (void)
{
  char *md = import ("el", "όπου δεν υπήρχαν πριν – στο Πετροπαβλόφσκ, στο Ουστ-\n"
                           "Καμενογκόρσκ, στο Σεμιπαλατίνσκ και να υπάρξει οργανωμένη\n"
                           "αντίσταση απέναντι στη στρατιωτική-\n"
                           "αστυνομική τρομοκρατία των εργα-\n"
                           "ζομένων στο πετρέλαιο.\n");
  g_assert_nonnull (strstr (md, "στο Ουστ-Καμενογκόρσκ, στο"));
  g_assert_nonnull (strstr (md, "στρατιωτική-αστυνομική τρομοκρατία"));
  g_assert_nonnull (strstr (md, "των εργαζομένων στο"));
  g_free (md);
  /* English: a form seen elsewhere in the text decides. */
  md = import ("en", "It confirms the working-class character of the protests and the\n"
                     "bourgeois character of the repression, from a working-\n"
                     "class point of view, and the inter-\n"
                     "national workers’ movement.\n");
  g_assert_nonnull (strstr (md, "a working-class point"));
  g_assert_nonnull (strstr (md, "the international workers"));
  g_free (md);
}

/* Greek (seed 000): note numbers glued to words become references; the missing texts are
 * reported where the numbers are; a notes file gives the texts. */
static void
test_glued_notes (void)
{
  const char *raw = "προσπάθειες να τους κατευνάσουν με υποσχέσεις για μείωση της\n"
                    "τιμής του φυσικού αερίου στα 50 τένγκε1, ξεχωριστά για την\n"
                    "καταστολής. Ιδρύθηκε ένα Συμβούλιο Ακσακάλ2 ως άτυπο όργανο\n"
                    "πετρελαίου του Ζαναόζεν3 – να εθνικοποιηθεί, COVID19 και B52.\n";
  char *warnings = NULL;
  char *md = import_full ("el", raw, FALSE, NULL, &warnings);
  g_assert_nonnull (strstr (md, "50 τένγκε[^1], ξεχωριστά"));
  g_assert_nonnull (strstr (md, "Ακσακάλ[^2] ως"));
  g_assert_nonnull (strstr (md, "Ζαναόζεν[^3] – να"));
  g_assert_nonnull (strstr (md, "COVID19 και B52."));
  g_assert_nonnull (strstr (warnings, "raw.txt:2:39: warning: note 1 has no text"));
  g_assert_nonnull (strstr (warnings, "raw.txt:3:43: warning: note 2 has no text"));
  g_assert_nonnull (strstr (warnings, "raw.txt:4:24: warning: note 3 has no text"));
  g_free (md);
  g_free (warnings);

  md = import_full ("el", raw, FALSE,
                    "[^1]: Το τένγκε είναι το νόμισμα του Καζακστάν.\n\n[^2]: Ακσακάλ: οι\n"
                    "  σεβαστοί γέροντες.\n[^3]: Ζαναόζεν, 2011.\n",
                    &warnings);
  g_assert_cmpstr (warnings, ==, "");
  g_assert_nonnull (strstr (md, "\n\n[^1]: Το τένγκε είναι το νόμισμα του Καζακστάν.\n"
                                "[^2]: Ακσακάλ: οι σεβαστοί γέροντες.\n[^3]: Ζαναόζεν, 2011.\n"));
  g_free (md);
  g_free (warnings);
}

/* Turkish (seed 001): one paragraph per line. */
static void
test_paragraph_per_line (void)
{
  char *md =
      import ("tr", "“Asker ve polis terörüne karşı örgütlü direnişi sağlamak için toprak ve "
                    "üretim bazında birleşik eylem komitelerinin oluşturulması acildir.” denilen "
                    "açıklamada genel grev ve işçi kolektiflerinin kontrolü altında kamulaştırma "
                    "çağrısı yapıldı.\n"
                    "Kazakistan Sosyalist Hareketi’nin açıklaması şu şekilde:\n"
                    "Kazakistan’da şimdi gerçek bir halk ayaklanması var ve borsadaki "
                    "sıvılaştırılmış gaz fiyatının ikiye katlanması, taşan bir sabır bardağının "
                    "bardağı taşıran son damlası olduğundan, protestolar en başından beri "
                    "toplumsal ve sınıfsal nitelikteydi.\n"
                    "Tüm siyasi tutuklu ve tutukluların serbest bırakılması!\n");
  g_assert_nonnull (strstr (md, "yapıldı.\n\nKazakistan Sosyalist Hareketi’nin açıklaması şu "
                                "şekilde:\n\nKazakistan’da"));
  g_assert_nonnull (strstr (md, "nitelikteydi.\n\nTüm siyasi tutuklu ve tutukluların serbest "
                                "bırakılması!\n"));
  g_free (md);
}

/* Turkish (seed 001) and Greek (seed 000): demands typed as plain lines after a colon are
 * a list; the call that follows them, long, stays a paragraph. */
static void
test_demands_list (void)
{
  char *md =
      import ("tr", "Bu bağlamda, dünyada geniş çaplı bir kampanya düzenlemek için tüm "
                    "uluslararası işçi ve komünist hareketin, sol derneklerin desteği de "
                    "gereklidir.\n"
                    "Kazakistan’ın sosyalist hareketi şunları talep ediyor:\n"
                    "Cumhurbaşkanı Tokayev dahil tüm Nazarbayev yetkilileri derhal istifa etsin!\n"
                    "Tüm siyasi tutuklu ve tutukluların serbest bırakılması!\n"
                    "Ülkenin tüm işçilerini ve emekçilerini, Zhanaozen’in idam edilen petrol "
                    "işçilerinin talebini pratikte uygulamaya – ülkenin tüm madenciliğini ve büyük "
                    "ölçekli sanayisini işçi kolektiflerinin kontrolü altında kamulaştırmaya – "
                    "çağırıyoruz!\n");
  g_assert_nonnull (strstr (md, "talep ediyor:\n\n- Cumhurbaşkanı Tokayev dahil tüm Nazarbayev "
                                "yetkilileri derhal istifa etsin!\n- Tüm siyasi tutuklu ve "
                                "tutukluların serbest bırakılması!\n\nÜlkenin tüm"));
  g_free (md);
  md = import ("el", "Στο πλαίσιο αυτό χρειαζόμαστε επίσης την υποστήριξη ολόκληρου\n"
                     "του διεθνούς εργατικού και κομμουνιστικού κινήματος.\n\n"
                     "Το σοσιαλιστικό κίνημα στο Καζακστάν απαιτεί:\n\n"
                     "Αποφυλάκιση  όλων  των  πολιτικών  κρατουμένων  και  των\n"
                     "συλληφθέντων!\n\n"
                     "Νομιμοποίηση  των  δραστηριοτήτων  του  απαγορευμένου\n"
                     "Κομμουνιστικού Κόμματος του Καζακστάν!\n");
  g_assert_nonnull (strstr (md, "απαιτεί:\n\n- Αποφυλάκιση όλων των πολιτικών κρατουμένων και "
                                "των συλληφθέντων!\n- Νομιμοποίηση των"));
  g_free (md);
}

/* French (seed 002): `- ` lists, straight apostrophes, spaces before ! and : as typed. */
static void
test_list (void)
{
  char *md =
      import ("fr", "A cet égard, le soutien de l'ensemble du mouvement ouvrier et communiste "
                    "international, des associations de gauche est également nécessaire afin "
                    "d'organiser une campagne de grande envergure dans le monde.\n"
                    "Le Mouvement Socialiste du Kazakhstan exige :\n"
                    "- Une cessation immédiate des hostilités contre le peuple et le retrait des "
                    "troupes des villes !\n"
                    "- La libération de tous les prisonniers et détenus politiques !\n"
                    "Nous appelons tous les travailleurs-travailleuses du pays à mettre en "
                    "pratique la demande des travailleurs-travailleuses du pétrole de Zhanaozen "
                    "- de nationaliser !\n");
  g_assert_nonnull (strstr (md, "d’organiser"));
  g_assert_nonnull (strstr (md, "exige\xe2\x80\xaf:\n\n- Une cessation"));
  g_assert_nonnull (strstr (md, "villes\xe2\x80\xaf!\n- La libération"));
  g_assert_nonnull (strstr (md, "politiques\xe2\x80\xaf!\n\nNous appelons"));
  g_assert_nonnull (strstr (md, "Zhanaozen\xc2\xa0– de nationaliser"));
  g_free (md);
}

/* Russian (seed 003): a Markdown heading, a missing image, LaTeX escapes, stray markup. */
static void
test_markdown_like (void)
{
  char *warnings = NULL;
  char *md =
      import_full ("ru",
                   "\n![](./img/old/socialismKZ.jpg)\n\n\n"
                   "# ЗАЯВЛЕНИЕ СОЦИАЛИСТИЧЕСКОГО ДВИЖЕНИЯ КАЗАХСТАНА О СИТУАЦИИ В СТРАНЕ\n\n\n"
                   "коллективы использовали митинги, чтобы выставить уже свои требования\n"
                   "повышения заработной платы на 100\\%, отмены результатов оптимизации,\n"
                   "улучшения условий труда и свободы профсоюзной деятельности.\n\n\n\n"
                   "Примечательно,\nчто уже 4 января забастовали нефтяники.\n\n\n\n**",
                   FALSE, NULL, &warnings);
  g_assert_cmpstr (md, ==,
                   "\n# ЗАЯВЛЕНИЕ СОЦИАЛИСТИЧЕСКОГО ДВИЖЕНИЯ КАЗАХСТАНА О СИТУАЦИИ В СТРАНЕ\n\n"
                   "коллективы использовали митинги, чтобы выставить уже свои требования "
                   "повышения заработной платы на 100%, отмены результатов оптимизации, "
                   "улучшения условий труда и свободы профсоюзной деятельности.\n\n"
                   "Примечательно, что уже 4 января забастовали нефтяники.\n");
  g_assert_nonnull (strstr (warnings, "raw.txt:2:1: warning: image './img/old/socialismKZ.jpg' "
                                      "not found"));
  g_assert_nonnull (strstr (warnings, "raw.txt:19:1: warning: stray markup '**' dropped"));
  g_free (md);
  g_free (warnings);

  /* An image that is there stays. */
  char *img = pm_test_write_file ("pic.png", "x", 1);
  char *raw = g_build_filename (pm_test_tmpdir (), "raw.txt", NULL);
  PmImport *imp = pm_import_new ("ru");
  PmDiagnostics *d = pm_diagnostics_new ();
  char *out = pm_import_run (imp, raw, "![Фото](pic.png)\n\nТекст.\n", -1, d, NULL);
  g_assert_nonnull (strstr (out, "\n![Фото](pic.png)\n\nТекст.\n"));
  g_assert_cmpuint (pm_diagnostics_length (d), ==, 0);
  g_free (out);
  pm_diagnostics_free (d);
  pm_import_free (imp);
  g_free (raw);
  g_free (img);
}

/* Italian (seed 004): headings of a web page, one in capitals over two lines. */
static void
test_headings (void)
{
  char *md =
      import ("it", "Kazakistan: sulla sollevazione di gennaio\n\n"
                    "– Movimento socialista del Kazakistan\n\n"
                    "(italiano – inglese)\n\n"
                    "SULLA SOLLEVAZIONE POPOLARE DI MASSA\n\n"
                    "E GLI SCIOPERI DI GENNAIO IN KAZAKISTAN\n\n"
                    "L’esplosione sociale è maturata e ormai era stramatura da molto tempo. Ciò è "
                    "dovuto al fatto che il Kazakistan è diventato una colonia di materie prime "
                    "dei paesi capitalisti sviluppati.\n\n"
                    "L’esplosione sociale\n\n"
                    "La ragione dell’esplosione del malcontento è stata la decisione del governo "
                    "di lasciar fluttuare “liberamente” in Borsa il gas liquefatto per le "
                    "automobili – di venderlo a pronti.\n\n"
                    "January 24, 2022\n\nFine.\n");
  g_assert_cmpstr (md, ==,
                   "\n# Kazakistan: sulla sollevazione di gennaio\n\n"
                   "– Movimento socialista del Kazakistan\n\n"
                   "(italiano – inglese)\n\n"
                   "# SULLA SOLLEVAZIONE POPOLARE DI MASSA E GLI SCIOPERI DI GENNAIO IN "
                   "KAZAKISTAN\n\n"
                   "L’esplosione sociale è maturata e ormai era stramatura da molto tempo. Ciò è "
                   "dovuto al fatto che il Kazakistan è diventato una colonia di materie prime "
                   "dei paesi capitalisti sviluppati.\n\n"
                   "## L’esplosione sociale\n\n"
                   "La ragione dell’esplosione del malcontento è stata la decisione del governo "
                   "di lasciar fluttuare «liberamente» in Borsa il gas liquefatto per le "
                   "automobili – di venderlo a pronti.\n\n"
                   "January 24, 2022\n\nFine.\n");
  g_free (md);
}

/* Italian (seed 004): bracketed editorial notes become footnotes when asked. */
static void
test_bracket_notes (void)
{
  const char *raw = "[CONTRIBUTO] Kazakistan: sulla sollevazione di gennaio (ita – eng)\n\n"
                    "hanno portato al deprezzamento del tenge [vale oggi 0,0021 euro- n.] e a una "
                    "diminuzione del potere d’acquisto dei salari, e ne è coseguita la temporanea "
                    "occupazione dell’akimat [municipio – n.] della città.\n\n"
                    "molti partiti di sinistra e comunisti [? -n.], hanno diffuso teorie.\n";
  char *md = import_full ("it", raw, TRUE, NULL, NULL);
  g_assert_nonnull (strstr (md, "\\[CONTRIBUTO\\] Kazakistan"));
  g_assert_nonnull (strstr (md, "del tenge[^1] e a una"));
  g_assert_nonnull (strstr (md, "dell’akimat[^2] della città."));
  g_assert_nonnull (strstr (md, "comunisti[^3], hanno"));
  g_assert_nonnull (strstr (md, "\n\n[^1]: vale oggi 0,0021 euro\n[^2]: municipio\n[^3]: ?\n"));
  g_free (md);
  md = import_full ("it", raw, FALSE, NULL, NULL);
  g_assert_nonnull (strstr (md, "del tenge \\[vale oggi 0,0021 euro- n.\\] e a una"));
  g_assert_null (strstr (md, "[^1]"));
  g_free (md);
}

/* Italian then English (seed 004): where the second language begins. */
static void
test_detect_split (void)
{
  const char *raw =
      "Approfondimenti politiciCobasInternazionale\n\n"
      "Non pensiamo che questa sia la sconfitta finale del movimento operaio. Al contrario, i "
      "lavoratori del petrolio, i minatori e i metallurgici hanno acquisito una preziosa "
      "esperienza nelle battaglie di classe.\n\n"
      "La nostra missione è sostenere la creazione di sindacati di classe e il ribaltamento della "
      "decisione della Corte Suprema del 2015.\n\n\n"
      "THE WORKERS’ UPRISING IN KAZAKHSTAN\n\n"
      "We report below the translation of an interesting reconstruction of the workers’ and "
      "popular uprising of January 2022 in Kazakhstan.\n\n"
      "It confirms the working-class character of the protests, which combined economic and "
      "political demands.\n";
  g_assert_cmpuint (pm_import_detect_split (raw, "it", "en"), ==, 8);
  g_assert_cmpuint (pm_import_detect_split (raw, "en", "it"), ==, 0);
  g_assert_cmpuint (
      pm_import_detect_split ("Il lavoro e la lotta.\nLa classe e il partito.\n", "it", "en"), ==,
      0);
}

/* Markdown's own characters in the text stay text. */
static void
test_escapes (void)
{
  char *md = import ("en", "1993. The year *it* began_here <b> & [x] #\n");
  g_assert_cmpstr (md, ==, "\n1993\\. The year \\*it\\* began\\_here \\<b> & \\[x\\] \\#\n");
  g_free (md);
  md = import ("en", "- \n");
  g_assert_cmpstr (md, ==, "\n\\-\n");
  g_free (md);
  md = import ("en", "# Heading #\n");
  g_assert_cmpstr (md, ==, "\n# Heading \\#\n");
  g_free (md);
}

/* The input's own private-use characters (the importer's note marks) do not confuse it. */
static void
test_private_use (void)
{
  char *md = import_full ("it", "Testo [munici\xee\x80\x80 \xe2\x80\x93 n.] e \xee\x80\x81qui.\n",
                          TRUE, NULL, NULL);
  g_assert_cmpstr (md, ==, "\nTesto[^1] e \xef\xbf\xbdqui.\n\n[^1]: munici\xef\xbf\xbd\n");
  g_free (md);
}

static void
test_invalid_input (void)
{
  PmImport *imp = pm_import_new ("el");
  PmDiagnostics *d = pm_diagnostics_new ();
  GError *error = NULL;
  g_assert_null (pm_import_run (imp, "bad.txt", "Στο\nΚαζα\xff\xfeκστάν", -1, d, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "bad.txt:2:5: invalid UTF-8"));
  g_clear_error (&error);
  g_assert_null (pm_import_run (imp, "nul.txt", "ab\ncd\0ef", 8, d, &error));
  g_assert_nonnull (strstr (error->message, "nul.txt:2:3: NUL byte"));
  g_clear_error (&error);
  g_assert_false (pm_import_set_notes (imp, "n.md", "[^1]: ok\n\nnot a note\n", &error));
  g_assert_nonnull (strstr (error->message, "n.md:3:1: not a note"));
  g_clear_error (&error);
  pm_diagnostics_free (d);
  pm_import_free (imp);
}

/* Dropped lines, located messages for a part of a file, front matter. */
static void
test_options (void)
{
  PmImport *imp = pm_import_new ("it");
  PmDiagnostics *d = pm_diagnostics_new ();
  pm_import_set_first_line (imp, 10);
  pm_import_drop_line (imp, 10);
  pm_import_set_title (imp, "Kazakistan: \"sulla\" sollevazione");
  pm_import_set_kind (imp, "analysis");
  pm_import_set_translator (imp, "Il Pungolo Rosso");
  char *out =
      pm_import_run (imp, "dir/004.txt",
                     "Approfondimenti politiciCobasInternazionale\n\nTesto.\n\n**\n", -1, d, NULL);
  g_assert_cmpstr (out, ==,
                   "---\nlang: it\ntitle: \"Kazakistan: \\\"sulla\\\" sollevazione\"\n"
                   "kind: analysis\nsource: 004.txt\ntranslator: \"Il Pungolo Rosso\"\n---\n\n"
                   "Testo.\n");
  char *w = pm_diagnostic_format (pm_diagnostics_get (d, 0));
  g_assert_cmpstr (w, ==, "dir/004.txt:14:1: warning: stray markup '**' dropped");
  g_free (w);
  g_free (out);
  pm_diagnostics_free (d);
  pm_import_free (imp);
}

static void
test_fix (void)
{
  char *text = g_strdup ("January 24, 20220\n");
  GError *error = NULL;
  g_assert_true (pm_import_apply_fix (&text, "20220", "2022", &error));
  g_assert_cmpstr (text, ==, "January 24, 2022\n");
  g_assert_false (pm_import_apply_fix (&text, "20220", "2022", &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (pm_import_apply_fix (&text, "2", "3", &error));
  g_assert_nonnull (strstr (error->message, "more than once"));
  g_clear_error (&error);
  g_free (text);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/unwrap", test_unwrap);
  g_test_add_func ("/import/page-break", test_page_break);
  g_test_add_func ("/import/line-end-hyphen", test_line_end_hyphen);
  g_test_add_func ("/import/glued-notes", test_glued_notes);
  g_test_add_func ("/import/paragraph-per-line", test_paragraph_per_line);
  g_test_add_func ("/import/list", test_list);
  g_test_add_func ("/import/demands-list", test_demands_list);
  g_test_add_func ("/import/markdown-like", test_markdown_like);
  g_test_add_func ("/import/headings", test_headings);
  g_test_add_func ("/import/bracket-notes", test_bracket_notes);
  g_test_add_func ("/import/detect-split", test_detect_split);
  g_test_add_func ("/import/escapes", test_escapes);
  g_test_add_func ("/import/private-use", test_private_use);
  g_test_add_func ("/import/invalid-input", test_invalid_input);
  g_test_add_func ("/import/options", test_options);
  g_test_add_func ("/import/fix", test_fix);
  return g_test_run ();
}
