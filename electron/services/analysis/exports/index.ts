export { type CsvOptions, csvField, toCsv } from './csv';
export { dyadsCsv, engagementsCsv } from './engagements-csv';
export { ENGAGEMENTS_JSON_FORMAT, ENGAGEMENTS_JSON_VERSION, engagementsJson, type JsonExportMeta, ploverJson } from './engagements-json';
export { ENGAGEMENTS_SHEET, engagementsXlsx } from './engagements-xlsx';
