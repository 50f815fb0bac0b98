/** Puck.js: its magnetometer, accelerometer, light sensor, IR and capacitive sense. */
interface PuckStatic {
  /** The magnetometer reading (turns it on briefly). */
  mag(): { x: number; y: number; z: number };
  magOn(samplerate?: number): void;
  magOff(): void;
  magRd(reg: number): number;
  magWr(reg: number, data: number): void;
  magTemp(): number;
  /** Accelerometer and gyro (Puck.js v2). */
  accel(): { acc: { x: number; y: number; z: number }; gyro: { x: number; y: number; z: number } } | undefined;
  accelOn(samplerate?: number): void;
  accelOff(): void;
  accelRd(reg: number, count?: number): number | number[];
  accelWr(reg: number, data: number): void;
  /** Light level 0..1 (from the red LED). */
  light(): number;
  /** Battery level in percent. */
  getBatteryPercentage(): number;
  /** Sends an IR signal: a list of on/off times in ms. */
  IR(data: ArrayLike<number>, cathode?: Pin, anode?: Pin): void;
  capSense(tx?: Pin, rx?: Pin): number;
  /** The board version: 1 or 2 (and the v2's variant). */
  getHardwareVersion(): number;
  selfTest(): boolean;
  on(event: "mag", fn: (xyz: { x: number; y: number; z: number }) => void): void;
  on(event: "accel", fn: (a: { acc: { x: number; y: number; z: number }; gyro: { x: number; y: number; z: number } }) => void): void;
}
/** Puck.js's sensors. */
declare const Puck: PuckStatic;
