/**
 * Espruino's Graphics library: drawing into a buffer or onto a display. The class exists on builds
 * with the GRAPHICS library; the display instance `g` only on boards with a screen (Bangle.js,
 * Pixl.js), declared in their `types/boards/<board>.d.ts`.
 */

/** A colour: a number in the display's format, or a "#rgb"/"#rrggbb" string. */
type ColorResolvable = number | string;
/** An image: an object from Graphics.createImage / asImage, or an image string. */
type EspruinoImage = string | ArrayBuffer | { width: number; height: number; bpp?: number; transparent?: number; palette?: Uint16Array; buffer: ArrayBuffer | string };

/** The colours a UI draws with (`g.theme`). */
interface GraphicsTheme {
  fg: number;
  bg: number;
  fg2: number;
  bg2: number;
  fgH: number;
  bgH: number;
  dark: boolean;
}

interface Graphics {
  /** The colours a UI draws with. */
  readonly theme: GraphicsTheme;
  /** The backing buffer of an ArrayBuffer Graphics. */
  readonly buffer?: ArrayBuffer;
  getWidth(): number;
  getHeight(): number;
  getBPP(): number;
  /** Clears the screen (`reset`: also colours, font and alignment). */
  clear(reset?: boolean): Graphics;
  /** Resets colours, font, alignment and clipping. */
  reset(): Graphics;
  /** Sends what was drawn to the display (Bangle.js: only changed lines). */
  flip(all?: boolean): void;
  setColor(color: ColorResolvable): Graphics;
  setColor(r: number, g: number, b: number): Graphics;
  setBgColor(color: ColorResolvable): Graphics;
  setBgColor(r: number, g: number, b: number): Graphics;
  getColor(): number;
  getBgColor(): number;
  /** A colour in the display's format from RGB 0..1 or a string. */
  toColor(color: ColorResolvable): number;
  toColor(r: number, g: number, b: number): number;
  blendColor(colA: ColorResolvable, colB: ColorResolvable, amount: number): number;
  setTheme(theme: Partial<GraphicsTheme>): Graphics;
  setPixel(x: number, y: number, color?: ColorResolvable): Graphics;
  getPixel(x: number, y: number): number;
  drawLine(x1: number, y1: number, x2: number, y2: number): Graphics;
  drawLineAA(x1: number, y1: number, x2: number, y2: number): Graphics;
  lineTo(x: number, y: number): Graphics;
  moveTo(x: number, y: number): Graphics;
  drawRect(x1: number, y1: number, x2: number, y2: number): Graphics;
  drawRect(rect: { x: number; y: number; x2: number; y2: number } | { x: number; y: number; w: number; h: number }): Graphics;
  fillRect(x1: number, y1: number, x2: number, y2: number): Graphics;
  fillRect(rect: { x: number; y: number; x2: number; y2: number; r?: number } | { x: number; y: number; w: number; h: number; r?: number }): Graphics;
  clearRect(x1: number, y1: number, x2: number, y2: number): Graphics;
  clearRect(rect: { x: number; y: number; x2: number; y2: number } | { x: number; y: number; w: number; h: number }): Graphics;
  drawCircle(x: number, y: number, r: number): Graphics;
  fillCircle(x: number, y: number, r: number): Graphics;
  drawCircleAA(x: number, y: number, r: number): Graphics;
  drawEllipse(x1: number, y1: number, x2: number, y2: number): Graphics;
  fillEllipse(x1: number, y1: number, x2: number, y2: number): Graphics;
  /** A polygon from `[x1, y1, x2, y2, …]`. */
  drawPoly(poly: ArrayLike<number>, closed?: boolean): Graphics;
  fillPoly(poly: ArrayLike<number>): Graphics;
  drawPolyAA(poly: ArrayLike<number>, closed?: boolean): Graphics;
  fillPolyAA(poly: ArrayLike<number>): Graphics;
  /** A font by name and scale: "6x8", "Vector:30", "4x6:2", "12x20". */
  setFont(name: string, size?: number): Graphics;
  getFont(): string;
  getFonts(): string[];
  getFontHeight(): number;
  setFontAlign(x: -1 | 0 | 1, y?: -1 | 0 | 1, rotation?: 0 | 1 | 2 | 3): Graphics;
  setFontCustom(bitmap: ArrayBuffer | string, firstChar: number, width: number | string, height: number): Graphics;
  setFontBitmap(): Graphics;
  setFontVector(size: number): Graphics;
  drawString(text: string | number, x: number, y: number, solid?: boolean): Graphics;
  stringWidth(text: string): number;
  stringMetrics(text: string): { width: number; height: number; maxImageHeight?: number };
  /** `text` cut into lines of at most `maxWidth` pixels. */
  wrapString(text: string, maxWidth: number): string[];
  drawImage(image: EspruinoImage | Graphics, x: number, y: number, options?: { rotate?: number; scale?: number; frame?: number; filter?: boolean }): Graphics;
  drawImages(layers: { image: EspruinoImage; x: number; y: number; scale?: number; rotate?: number; center?: boolean; repeat?: boolean }[], options?: { x: number; y: number; width: number; height: number }): Graphics;
  imageMetrics(image: EspruinoImage): { width: number; height: number; bpp: number; transparent: boolean; frames?: number };
  /** This Graphics as an image for drawImage. */
  asImage(type?: "object" | "string"): EspruinoImage;
  asBMP(): string;
  asURL(): string;
  dump(): void;
  setClipRect(x1: number, y1: number, x2: number, y2: number): Graphics;
  getModified(reset?: boolean): { x1: number; y1: number; x2: number; y2: number } | undefined;
  setRotation(rotation: 0 | 1 | 2 | 3, reflect?: boolean): Graphics;
  scroll(x: number, y: number): Graphics;
  /** Copies a rectangle of the screen by (dx, dy). */
  blit(options: { x1: number; y1: number; x2: number; y2: number; w: number; h: number; setModified?: boolean }): Graphics;
  quadraticBezier(points: ArrayLike<number>, count?: number): number[];
  transformVertices(verts: ArrayLike<number>, transformation: { x?: number; y?: number; scale?: number; rotate?: number } | number[]): number[];
}

declare const Graphics: {
  /** A Graphics drawing into an ArrayBuffer of `width × height × bpp` bits. */
  createArrayBuffer(width: number, height: number, bpp: number, options?: { zigzag?: boolean; vertical_byte?: boolean; msb?: boolean; color_order?: string; interleavex?: boolean }): Graphics;
  /** A Graphics that calls `callback` for every pixel it sets. */
  createCallback(width: number, height: number, bpp: number, callback: ((x: number, y: number, col: number) => void) | { setPixel(x: number, y: number, col: number): void; fillRect?(x1: number, y1: number, x2: number, y2: number, col: number): void }): Graphics;
  /** An image from ASCII art (`"X"` set, anything else clear), one row a line. */
  createImage(str: string): EspruinoImage;
  /** The display's Graphics (`g`), on boards with one. */
  getInstance(): Graphics | undefined;
};
