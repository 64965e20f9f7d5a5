// Package xlsx writes the budget estimate (dự toán kinh phí) as an Excel workbook with live formulas, and reads an edited copy back as a line-by-line diff.
package xlsx
