/** An XLSX cell as the text a CSV of it would hold: dates as ISO dates, numbers in full, no display formatting. */
import * as XLSX from '@e965/xlsx';

const pad = (n: number) => String(n).padStart(2, '0');

export function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && XLSX.SSF.is_date(cell.z)) {
    // Read from the serial number: no time zone can shift the day.
    const { y, m, d, H, M, S } = XLSX.SSF.parse_date_code(cell.v);
    const day = `${y}-${pad(m)}-${pad(d)}`;
    return H || M || S ? `${day}T${pad(H)}:${pad(M)}:${pad(Math.floor(S))}` : day;
  }
  if (cell.t === 'e') return cell.w ?? '';
  if (cell.v instanceof Date) return cell.v.toISOString();
  return String(cell.v).trim();
}
