// The workbook lives in ./xlsx/ (one file per sheet, and the writer); this path stays for existing imports.
export * from './xlsx/index.ts';
