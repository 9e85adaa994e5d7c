/* pm-render.h: draws a composition's pages, once, into a recorded document.
 *
 * Each piece the page builder placed is drawn where it was placed; then what depends on the
 * page: running heads and folios, the contents' page numbers, the footnote rule, the
 * destinations and links (note marks to notes and back, contents to sections) and the
 * outline. The covers are designed here from the style's colours and the cover texts. */
#pragma once

#include "output/pm-proof.h"
#include "output/pm-recorded-doc.h"
#include "page/pm-compose.h"

G_BEGIN_DECLS

/* Records every page of COMP laid out with STYLE. Metadata and the date come from COMP;
 * pages get labels (the covers none). */
PmRecordedDoc *pm_render (PmComposition *comp, const PmStyle *style, GError **error);

/* Appends to MARKS (PmDraftMark, from output/pm-proof.h) a mark for every overfull and every
 * loose line (adjustment ratio above 1) of COMP, for draft proofs. */
void pm_render_draft_marks (const PmComposition *comp, const PmStyle *style, GArray *marks);

G_END_DECLS
