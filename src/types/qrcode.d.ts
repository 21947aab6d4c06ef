// Types for the part of the qrcode package (npm, no types of its own) that the site uses: the
// printed commune sheet draws its address as a QR code (src/components/commune/address-qr.ts), and
// its test compares the drawing with the package's own module matrix.
interface QrBitMatrix {
  size: number;
  data: Uint8Array;
  get(row: number, col: number): number;
}
interface QrCode {
  modules: QrBitMatrix;
  version: number;
}
interface QrOptions {
  errorCorrectionLevel?: "L" | "M" | "Q" | "H";
  margin?: number;
  width?: number;
  type?: "svg" | "utf8" | "terminal";
  color?: {dark?: string; light?: string};
}
interface QrModule {
  create(text: string, options?: QrOptions): QrCode;
  toString(text: string, options?: QrOptions): Promise<string>;
}
declare module "npm:qrcode" {
  const qrcode: QrModule;
  export default qrcode;
}
declare module "qrcode" {
  const qrcode: QrModule;
  export default qrcode;
}
