// French decimal notation of a number: « 37 829 », « 12,5 », « -0,3 », thousands separated by a
// narrow no-break space. Written by hand because the first `Intl.NumberFormat` a page builds costs
// 35–85 ms of main thread in Chromium (ICU loads its number data; measured in bench/PERFORMANCE.md,
// decision 18), paid on every page before its first figure; d3-format rounds the binary value
// (1.005 → « 1,00 ») where Intl rounds the number as written (« 1,01 »). This gives Intl's output
// (fr-FR, rounding half away from zero of the shortest decimal that reads back as the number), and
// the unit test compares the two over many values.

/** The narrow no-break space between thousands (« 37 829 »). */
const GROUP = "\u202f";

/** The decimal digits of |value| and where the decimal point falls among them (« 1.5e-7 » → "15", -6). */
function decimalDigits(value: number): {digits: string; point: number} {
  const [mantissa, exponent = "0"] = String(Math.abs(value)).split("e");
  const [whole, fraction = ""] = mantissa.split(".");
  const digits = (whole + fraction).replace(/^0+/, "");
  const leadingZeros = (whole + fraction).length - digits.length;
  return {digits: digits || "0", point: whole.length + Number(exponent) - (digits ? leadingZeros : whole.length - 1)};
}

/** Rounds the digits to `fraction` places after the point, half away from zero: [integer, decimals]. */
function roundDigits(digits: string, point: number, fraction: number): [string, string] {
  const keep = point + fraction;
  if (keep < 0) return ["0", "0".repeat(fraction)];
  let kept = digits.slice(0, keep).padEnd(keep, "0").split("").map(Number);
  if (Number(digits[keep] ?? "0") >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i] += 1;
    else kept = [1, ...kept];
  }
  const integerLength = kept.length - fraction;
  const integer =
    kept
      .slice(0, Math.max(integerLength, 0))
      .join("")
      .replace(/^0+(?=\d)/, "") || "0";
  const decimals = kept.slice(Math.max(integerLength, 0)).join("").padStart(fraction, "0");
  return [integer, decimals];
}

/**
 * « 1 234,5 »: `value` with between `minimumFraction` and `maximumFraction` decimals (trailing zeros
 * beyond the minimum dropped), as `Intl.NumberFormat("fr-FR", …)` writes it. A negative number,
 * even one that rounds to zero, keeps its « - » (as Intl does).
 */
export function formatDecimal(value: number, minimumFraction: number, maximumFraction: number): string {
  if (Number.isNaN(value)) return "NaN";
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (!Number.isFinite(value)) return `${sign}∞`;
  const {digits, point} = decimalDigits(value);
  const [integer, decimals] = roundDigits(digits, point, maximumFraction);
  let shown = decimals;
  while (shown.length > minimumFraction && shown.endsWith("0")) shown = shown.slice(0, -1);
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, GROUP);
  return `${sign}${grouped}${shown ? `,${shown}` : ""}`;
}
