/* folds p4d */
