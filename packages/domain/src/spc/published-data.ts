/**
 * Published data sets used by the SPC tests and the demo (Montgomery, Introduction to Statistical Quality Control;
 * the same tables as distributed with R's qcc package, luca-scr/qcc data/*.txt).
 */

/** Piston-ring inside diameters (mm), Montgomery Table 6.3 (samples 1–25, phase I) and Table 6.4 (26–40), 5 per sample. */
export const PISTON_RING_DIAMETERS: readonly number[] = [
  74.03, 74.002, 74.019, 73.992, 74.008, 73.995, 73.992, 74.001, 74.011, 74.004, 73.988, 74.024, 74.021,
  74.005, 74.002, 74.002, 73.996, 73.993, 74.015, 74.009, 73.992, 74.007, 74.015, 73.989, 74.014, 74.009,
  73.994, 73.997, 73.985, 73.993, 73.995, 74.006, 73.994, 74.0, 74.005, 73.985, 74.003, 73.993, 74.015,
  73.988, 74.008, 73.995, 74.009, 74.005, 74.004, 73.998, 74.0, 73.99, 74.007, 73.995, 73.994, 73.998, 73.994,
  73.995, 73.99, 74.004, 74.0, 74.007, 74.0, 73.996, 73.983, 74.002, 73.998, 73.997, 74.012, 74.006, 73.967,
  73.994, 74.0, 73.984, 74.012, 74.014, 73.998, 73.999, 74.007, 74.0, 73.984, 74.005, 73.998, 73.996, 73.994,
  74.012, 73.986, 74.005, 74.007, 74.006, 74.01, 74.018, 74.003, 74.0, 73.984, 74.002, 74.003, 74.005, 73.997,
  74.0, 74.01, 74.013, 74.02, 74.003, 73.988, 74.001, 74.009, 74.005, 73.996, 74.004, 73.999, 73.99, 74.006,
  74.009, 74.01, 73.989, 73.99, 74.009, 74.014, 74.015, 74.008, 73.993, 74.0, 74.01, 73.982, 73.984, 73.995,
  74.017, 74.013,
  // Phase II, samples 26–40.
  74.012, 74.015, 74.03, 73.986, 74.0, 73.995, 74.01, 73.99, 74.015, 74.001, 73.987, 73.999, 73.985, 74.0,
  73.99, 74.008, 74.01, 74.003, 73.991, 74.006, 74.003, 74.0, 74.001, 73.986, 73.997, 73.994, 74.003, 74.015,
  74.02, 74.004, 74.008, 74.002, 74.018, 73.995, 74.005, 74.001, 74.004, 73.99, 73.996, 73.998, 74.015, 74.0,
  74.016, 74.025, 74.0, 74.03, 74.005, 74.0, 74.016, 74.012, 74.001, 73.99, 73.995, 74.01, 74.024, 74.015,
  74.02, 74.024, 74.005, 74.019, 74.035, 74.01, 74.012, 74.015, 74.026, 74.017, 74.013, 74.036, 74.025,
  74.026, 74.01, 74.005, 74.029, 74.0, 74.02,
];

/** Nonconforming orange-juice cans per sample of 50, Montgomery Table 7.1 (samples 1–30). */
export const ORANGE_JUICE_NONCONFORMING: readonly number[] = [
  12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6,
];

/** Nonconformities per 100 printed circuit boards, Montgomery Table 7.7 (samples 1–26). */
export const CIRCUIT_NONCONFORMITIES: readonly number[] = [
  21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15,
];

/** Viscosity of an aircraft primer paint, individual measurements (Montgomery, 2nd ed., p. 242; qcc help). */
export const VISCOSITY: readonly number[] = [
  33.75, 33.05, 34, 33.81, 33.46, 34.02, 33.68, 33.27, 33.49, 33.2, 33.62, 33.0, 33.54, 33.12, 33.84,
];

/**
 * Amplification of 75 telephone amplifiers (dB), SAS/QC User's Guide, CAPABILITY procedure, Example 5.3
 * "Displaying a Confidence Interval for Cpk" (sample library CAPSPEC3); specification 4–6 dB.
 */
export const AMPLIFIER_DECIBELS: readonly number[] = [
  4.54, 4.87, 4.66, 4.9, 4.68, 5.22, 4.43, 5.14, 3.07, 4.22, 5.09, 3.41, 5.75, 5.16, 3.96, 5.37, 5.7, 4.11,
  4.83, 4.51, 4.57, 4.16, 5.73, 3.64, 5.48, 4.95, 4.57, 4.46, 4.75, 5.38, 5.19, 4.35, 4.98, 4.87, 3.53, 4.46,
  4.57, 4.69, 5.27, 4.67, 5.03, 4.5, 5.35, 4.55, 4.05, 6.63, 5.32, 5.24, 5.73, 5.08, 5.07, 5.42, 5.05, 5.7,
  4.79, 4.34, 5.06, 4.64, 4.82, 3.24, 4.79, 4.46, 3.84, 5.05, 5.46, 4.64, 6.13, 4.31, 4.81, 4.98, 4.95, 5.57,
  4.11, 4.15, 5.95,
];

/**
 * Bruised peaches per shipment, Pyzdek & Keller, The Handbook for Quality Management (2nd ed.), Table 9.6 (p. 178):
 * [crates of 250 peaches, bruised]; totals 8000 peaches, 1544 bruised. The same counts per crate feed the book's
 * u chart example (p. 184, units = crates).
 */
export const BRUISED_PEACHES: ReadonlyArray<readonly [number, number]> = [
  [1, 47],
  [1, 42],
  [1, 55],
  [1, 51],
  [1, 46],
  [1, 61],
  [1, 39],
  [1, 44],
  [1, 41],
  [1, 51],
  [2, 88],
  [2, 101],
  [2, 101],
  [1, 40],
  [1, 48],
  [1, 47],
  [1, 50],
  [1, 48],
  [1, 57],
  [1, 45],
  [1, 43],
  [2, 105],
  [2, 98],
  [2, 100],
  [2, 96],
];
