"""Files editors write beside the one being edited and remove again: swap, backup, auto-save,
lock and probe files. Never content: `serve` does not rebuild for them and the loader does not
read them (Emacs' lock `.#jane-doe.md` would otherwise be a person with an invalid id)."""

from __future__ import annotations

import os
import re

_EDITOR_FILES = re.compile(r"""
    ^\..*\.sw[a-px]$      # Vim's swap files: .facts.yaml.swp, .swo, .swx
  | ^\d+$                 # Vim's probe for a writable folder: 4913
  | ~$                    # backups: facts.yaml~
  | ^\#.*\#$              # Emacs' auto-save: #facts.yaml#
  | ^\.\#                 # Emacs' lock (a dangling symbolic link): .#facts.yaml
  | ^\.goutputstream-     # GNOME's atomic save
  | ___jb_(?:tmp|old)___$ # JetBrains' safe write
""", re.VERBOSE)


def editor_file(path: str) -> bool:
    """Whether the file at `path` (or of that name) is an editor's, not content."""
    return bool(_EDITOR_FILES.search(os.path.basename(path)))
