/// <reference path="./graphics.d.ts" />
/**
 * Bangle.js: the `Bangle` object (sensors, screen, buttons, UI modes), the display `g`, the
 * on-screen UI helpers on `E` (`E.showMessage`, `E.showMenu`, …), and the widget globals.
 */

interface AccelData { x: number; y: number; z: number; diff: number; mag: number }
interface CompassData { x: number; y: number; z: number; dx: number; dy: number; dz: number; heading: number }
interface GPSFix { lat: number; lon: number; alt: number; speed: number; course: number; time: Date; satellites: number; fix: number; hdop: number }
interface HealthStatus { movement: number; steps: number; bpm: number; bpmConfidence: number }
interface TouchCoords { x: number; y: number }
interface DragEvent { x: number; y: number; dx: number; dy: number; b: 0 | 1 }

/** What Bangle.setUI does with the buttons and the screen. */
type SetUIMode =
  | "updown"
  | "leftright"
  | "clock"
  | "clockupdown"
  | {
      mode: "custom" | "updown" | "leftright" | "clock" | "clockupdown";
      /** What to do when the app is left (free timers, widgets); makes the app fast-loadable. */
      remove?: () => void;
      /** Redraw the screen (after a menu or an alert). */
      redraw?: () => void;
      back?: () => void;
      touch?: (button: number, xy?: TouchCoords) => void;
      swipe?: (directionLR: -1 | 0 | 1, directionUD?: -1 | 0 | 1) => void;
      drag?: (e: DragEvent) => void;
      btn?: (n: number) => void;
      clock?: boolean | 0 | 1;
    };

interface BangleOptions {
  wakeOnBTN1: boolean;
  wakeOnTouch: boolean;
  wakeOnTwist: boolean;
  wakeOnFaceUp: boolean;
  twistThreshold: number;
  twistMaxY: number;
  twistTimeout: number;
  gestureEndThresh: number;
  gestureStartThresh: number;
  gestureInactiveCount: number;
  gestureMinLength: number;
  stepCounterThresholdLow: number;
  stepCounterThresholdHigh: number;
  lockTimeout: number;
  lcdPowerTimeout: number;
  backlightTimeout: number;
  btnLoadTimeout: number;
  hrmPollInterval: number;
  powerSave: boolean;
  lowResTouch: boolean;
}

interface BangleStatic {
  /** The area apps may draw in, below the widgets. */
  appRect: { x: number; y: number; w: number; h: number; x2: number; y2: number };
  on(event: "accel", fn: (xyz: AccelData) => void): void;
  on(event: "step", fn: (steps: number) => void): void;
  on(event: "health", fn: (info: HealthStatus) => void): void;
  on(event: "faceUp" | "lcdPower" | "backlight" | "lock" | "charging", fn: (on: boolean) => void): void;
  on(event: "twist", fn: () => void): void;
  on(event: "mag", fn: (xyz: CompassData) => void): void;
  on(event: "GPS", fn: (fix: GPSFix) => void): void;
  on(event: "HRM", fn: (hrm: { bpm: number; confidence: number; raw: number[] }) => void): void;
  on(event: "pressure", fn: (e: { temperature: number; pressure: number; altitude: number }) => void): void;
  on(event: "swipe", fn: (directionLR: -1 | 0 | 1, directionUD: -1 | 0 | 1) => void): void;
  on(event: "touch", fn: (button: number, xy?: TouchCoords) => void): void;
  on(event: "drag", fn: (e: DragEvent) => void): void;
  on(event: "tap", fn: (data: { dir: string; double: boolean; x: number; y: number; z: number }) => void): void;
  on(event: "gesture", fn: (xyz: Int8Array) => void): void;
  on(event: "midnight", fn: () => void): void;
  removeListener(event: string, fn: (...args: any[]) => void): void;
  removeAllListeners(event?: string): void;
  /** Sets how the buttons and the screen behave (an app calls this once); no argument: back to none. */
  setUI(mode?: SetUIMode, callback?: (direction?: -1 | 1) => void): void;
  /** Loads the widgets into `WIDGETS` (call before drawWidgets). */
  loadWidgets(): void;
  drawWidgets(): void;
  /** Loads an app from Storage; no file: the clock. */
  load(file?: string): void;
  showClock(): void;
  showLauncher(): void;
  setLCDPower(on: boolean): void;
  setLCDBrightness(brightness: number): void;
  setLCDTimeout(seconds: number): void;
  setLCDMode(mode?: string): void;
  getLCDMode(): string;
  setLCDOffset(y: number): void;
  setLCDOverlay(img: EspruinoImage | Graphics | undefined, x?: number, y?: number, options?: { id?: string; remove?: () => void }): void;
  setBacklight(on: boolean): void;
  isLCDOn(): boolean;
  isBacklightOn(): boolean;
  /** Locks the touchscreen and buttons (the screen stays on). */
  setLocked(locked: boolean): void;
  isLocked(): boolean;
  isCharging(): boolean;
  getAccel(): AccelData;
  getCompass(): CompassData;
  resetCompass(): void;
  getHealthStatus(range?: "current" | "last" | "day"): HealthStatus;
  getStepCount(): number;
  setStepCount(count: number): void;
  getPressure(): Promise<{ temperature: number; pressure: number; altitude: number }>;
  getGPSFix(): GPSFix;
  setGPSPower(on: boolean, appID: string): boolean;
  isGPSOn(): boolean;
  setHRMPower(on: boolean, appID: string): boolean;
  isHRMOn(): boolean;
  setCompassPower(on: boolean, appID: string): boolean;
  isCompassOn(): boolean;
  setBarometerPower(on: boolean, appID: string): boolean;
  isBarometerOn(): boolean;
  setPollInterval(ms: number): void;
  getOptions(): BangleOptions;
  setOptions(options: Partial<BangleOptions>): void;
  /** Vibrates for `time` ms at `strength` 0..1. */
  buzz(time?: number, strength?: number): Promise<void>;
  /** Beeps (through the vibration motor on Bangle.js 2). */
  beep(time?: number, freq?: number): Promise<void>;
  /** Turns the watch off until a button press. */
  softOff(): void;
  off(): void;
  getLogo(): string;
  project(latlong: { lat: number; lon: number }): { x: number; y: number };
}
/** The watch: sensors, screen, buttons, UI modes. */
declare const Bangle: BangleStatic;

/** The watch's display. */
declare const g: Graphics;

/** The widgets `Bangle.loadWidgets()` loaded, by name. */
declare var WIDGETS: Record<string, { area: "tl" | "tr" | "bl" | "br"; width: number; draw(this: unknown, w: unknown): void; [key: string]: unknown }>;

/** A menu entry for E.showMenu: an action, or a value to edit. */
type MenuItem =
  | (() => void)
  | { value: number; min?: number; max?: number; step?: number; wrap?: boolean; format?: (v: number) => string; onchange?: (v: number) => void }
  | { value: boolean; format?: (v: boolean) => string; onchange?: (v: boolean) => void };
/** The menu's own settings, under the key "". */
interface MenuOptions {
  title?: string;
  back?: () => void;
  selected?: number;
  remove?: () => void;
}
/** A menu for E.showMenu: entry title → entry, and "" → the menu's settings. */
type Menu = Record<string, MenuItem | MenuOptions>;

interface MenuInstance {
  draw(): void;
  move(n: number): void;
  select(): void;
  scroller?: { scroll: number };
}

interface EspruinoE {
  /** Shows a message on the screen (no message: clears it). */
  showMessage(message: string, options?: string | { title?: string; img?: EspruinoImage; remove?: () => void }): void;
  /** Shows a scrolling menu; no argument: removes the one shown. */
  showMenu(menu?: Menu): MenuInstance;
  /** Asks a question; resolves with the value of the button pressed. */
  showPrompt<T = boolean>(message: string, options?: { title?: string; buttons?: Record<string, T>; image?: EspruinoImage; selected?: number; remove?: () => void; back?: () => void }): Promise<T>;
  showPrompt(): void;
  /** Shows a message with an OK button; resolves when pressed. */
  showAlert(message?: string, options?: string | { title?: string; remove?: () => void }): Promise<void>;
  /** A scrolling list drawn by `draw` for each item. */
  showScroller(options?: { h: number; c: number; draw: (idx: number, rect: { x: number; y: number; w: number; h: number }) => void; select: (idx: number, touch?: TouchCoords) => void; back?: () => void; remove?: () => void; scrollMin?: number; scroll?: number }): { scroll: number; draw(): void; drawItem(idx: number): void; isActive(): boolean };
  /** Battery level in percent. */
  getBattery(): number;
}
