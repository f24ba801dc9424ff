/**
 * One benchmark figure: a measured value with the baseline it is compared to,
 * measured in the same run (never a hard-coded number), and the goal it must meet.
 */
export interface FigureResult {
  value: number;
  unit: string;
  /** The goal as a person reads it, e.g. "≤ 1.10". */
  goal: string;
  /** What the value is compared against, measured in the same run. */
  baseline: string;
  /** Whether the goal is met. */
  met: boolean;
  /** Anything a reader needs to interpret the number (raw timings, sizes). */
  detail?: Record<string, number | string>;
}

export interface Figure {
  name: string;
  run(): Promise<FigureResult>;
}
