#!/bin/sh
# Writes the message template (casestat.pot) from the sources: every message of src/ and
# tools/ given to _(), N_(), translate(), fail(), data_error(), usage_error(), system_error(),
# CLI11's add_option()/add_flag() descriptions and cli::set_examples().
#   sh po/make-pot.sh SOURCE_DIR OUTPUT
# File names are relative to SOURCE_DIR and the creation date is left out, so the same
# sources give the same file (the test po/pot-current compares it with po/casestat.pot).
set -eu
source_dir=$1
output=$2
cd "$source_dir"
find src tools -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort |
  xgettext --files-from=- --output=- --language=C++ --from-code=UTF-8 --add-location=file --no-wrap \
    --add-comments=TRANSLATORS: --package-name=casestat --msgid-bugs-address=none \
    --keyword=_ --keyword=N_ --keyword=pgettext_:1c,2 --keyword=NC_:1c,2 --keyword=ngettext_:1,2 --keyword=translate:1 \
    --keyword=data_error:1 --keyword=usage_error:1 --keyword=system_error:1 \
    --keyword=add_option:3 --keyword=add_flag:3 --keyword=set_examples:2 |
  sed -e '/^"POT-Creation-Date: /d' >"$output.tmp"
mv "$output.tmp" "$output"
