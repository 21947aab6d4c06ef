// Whether the reader's connection asks for restraint: Save-Data (the browser's « économiseur de
// données ») or a slow effective type. Read by the engine (src/components/engine/db.ts), which then
// waits before downloading itself, and by the offline copy's registration (register.ts).

export interface ConnectionInfo {
  saveData?: boolean;
  effectiveType?: string;
}

/** The reader asked to save data (Save-Data), or the connection is slow (2G, 3G). */
export function lightConnection(connection: ConnectionInfo | undefined): boolean {
  return Boolean(connection?.saveData) || ["slow-2g", "2g", "3g"].includes(connection?.effectiveType ?? "");
}

/** The browser's connection information (Network Information API: Chromium; absent elsewhere). */
export function currentConnection(): ConnectionInfo | undefined {
  return (navigator as Navigator & {connection?: ConnectionInfo}).connection;
}
