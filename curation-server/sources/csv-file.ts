/**
 * The text of an uploaded CSV file. Spreadsheets in France still often save "CSV" in Windows-1252:
 * a file that is not valid UTF-8 is read as Windows-1252 instead of being refused or garbled.
 */
export function csvFileText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
