// A table as the CSV the site publishes: the schema's columns in order, UTF-8 with a BOM so that
// spreadsheets read the accents, comma separator, decimal point.
import {formatCsv} from "../csv.js";
import type {TableData} from "./warehouse.js";

export function tableCsv<Row>({schema, rows}: TableData<Row>): string {
  const columns = schema.columns.map((c) => c.name);
  return (
    "\uFEFF" +
    formatCsv(
      columns,
      rows.map((row) => columns.map((c) => row[c]))
    )
  );
}
