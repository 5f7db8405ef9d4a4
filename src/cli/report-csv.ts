// `--format csv`: one row per finding, RFC 4180 (fields quoted when they hold a comma, a quote or a
// line break; quotes doubled; CRLF line ends), UTF-8 with a byte-order mark so that Excel opens the
// Chinese text correctly with a double click.
import type { Lang } from "./args";
import type { FileReport } from "./check-files";
import { FINDING_HEADERS, findingRows } from "./report-rows";

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(reports: readonly FileReport[], lang: Lang): string {
  const lines = [FINDING_HEADERS[lang], ...findingRows(reports, lang).map((row) => row.values)].map((row) => row.map(csvField).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
