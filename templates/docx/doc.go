// Package docx writes the dossier's document model as an editable Word (WordprocessingML) file.
package docx
