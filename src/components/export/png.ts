// SVG → PNG in the browser: at twice the on-screen size for sharp slides, or on a 16:9 slide
// (1920 × 1080) with the chart centred on white, as large as a 40 px margin (30 px top and bottom) allows.
// A transparent picture keeps what the SVG leaves unpainted transparent (no white behind it).
import {serializeSvg, type ComposedSvg} from "./compose.js";

async function svgImage(composed: ComposedSvg): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([serializeSvg(composed.svg)], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG impossible"))), "image/png")
  );
}

/** At 1, 2 or 3 times the picture's size, or fitted on a 1920 × 1080 slide. */
export type PngFormat = "1x" | "2x" | "3x" | "slide";

/** How much a picture is enlarged to fit a 1920 × 1080 slide with its margins (format « slide »). */
export function slideScale(composed: {width: number; height: number}): number {
  return Math.min((1920 - 80) / composed.width, (1080 - 60) / composed.height);
}

export async function renderPng(
  composed: ComposedSvg,
  format: PngFormat,
  {transparent = false}: {transparent?: boolean} = {}
): Promise<Blob> {
  const image = await svgImage(composed);
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d")!;
  if (format !== "slide") {
    const scale = Number(format[0]);
    canvas.width = Math.round(composed.width * scale);
    canvas.height = Math.round(composed.height * scale);
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, composed.width, composed.height);
  } else {
    canvas.width = 1920;
    canvas.height = 1080;
    if (!transparent) {
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    const scale = slideScale(composed);
    const w = composed.width * scale;
    const h = composed.height * scale;
    context.drawImage(image, (1920 - w) / 2, (1080 - h) / 2, w, h);
  }
  return toBlob(canvas);
}
