// SPDX-License-Identifier: GPL-2.0-only
/* mm/: nothing to find here; the tree needs the folder. */
