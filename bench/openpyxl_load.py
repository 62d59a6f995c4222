"""Loads every workbook given on the command line with openpyxl (the reference for `cchc merge`)."""
import sys

import openpyxl

for path in sys.argv[1:]:
    openpyxl.load_workbook(path)
