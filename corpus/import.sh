#!/bin/sh
# Regenerates the six corpus texts from the raw statements in corpus/raw/ (copies of
# ../shared/seeds/). Every text is made by one recorded command; run from anywhere:
#   corpus/import.sh            (PAMPHLET names the binary; default build/pamphlet)
# title-en is each text's title in English, for the leaflets' mastheads.
# Expected warnings: the Russian seed's image is not there and its final `**` is stray.
set -eu
cd "$(dirname "$0")/.."
PAMPHLET=${PAMPHLET:-build/pamphlet}
OUT=${OUT:-corpus}
R=corpus/raw

"$PAMPHLET" import --lang el --kind statement \
	--meta "title-en=Statement of the Socialist Movement of Kazakhstan on the situation in the country" \
	--title "Δήλωση του Σοσιαλιστικού Κινήματος του Καζακστάν για την κατάσταση στη χώρα" \
	--notes corpus/notes/statement-el.md \
	$R/000_da753cc83beaba05.txt -o "$OUT/statement-el.md"

"$PAMPHLET" import --lang tr --kind statement \
	--meta "title-en=Statement of the Socialist Movement of Kazakhstan on the situation in the country" \
	--title "Kazakistan Sosyalist Hareketi’nin açıklaması" \
	$R/001_187a36d7775cf41e.txt -o "$OUT/statement-tr.md"

"$PAMPHLET" import --lang fr --kind statement \
	--meta "title-en=Statement of the Socialist Movement of Kazakhstan on the situation in the country" \
	--title "Déclaration du Mouvement socialiste du Kazakhstan sur la situation dans le pays" \
	$R/002_7b286b4c87d8e980.txt -o "$OUT/statement-fr.md"

"$PAMPHLET" import --lang ru --kind statement \
	--meta "title-en=Statement of the Socialist Movement of Kazakhstan on the situation in the country" \
	--title "Заявление Социалистического движения Казахстана о ситуации в стране" \
	$R/003_258ac3d5c2c22684.txt -o "$OUT/statement-ru.md"

# Italian, then English, in one file: line 1 is the site's navigation, line 3 the blog
# post's title (category tag and language tags; the title itself follows on line 7);
# "20220" is a typo for 2022.
"$PAMPHLET" import --lang it --lang en --kind analysis \
	--title "Kazakistan: sulla sollevazione di gennaio" \
	--title "The workers’ uprising in Kazakhstan" \
	--meta "title-en=The workers’ uprising in Kazakhstan" \
	--bracket-notes --drop-line 1 --drop-line 3 \
	--fix "January 24, 20220=January 24, 2022" \
	$R/004_8221160abd3b24fd.txt -o "$OUT/analysis-it.md" -o "$OUT/analysis-en.md"
