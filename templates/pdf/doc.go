// Package pdf renders a dossier model as a print-ready PDF laid out per ND 30/2020, with gofpdf.
package pdf
