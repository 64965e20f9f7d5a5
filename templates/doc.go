// Package templates builds the document model of a dossier (letter, đề án, budget, forms, checklist) from an application.
package templates
