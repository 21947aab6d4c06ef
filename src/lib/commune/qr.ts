// The printed commune sheet's QR code: how it is encoded (the page draws it, its test reads it back).

/** Error correction « M » (15 %), which reads well on paper; two modules of quiet zone. */
export const QR_OPTIONS = {errorCorrectionLevel: "M", margin: 2} as const;
