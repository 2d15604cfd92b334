/**
 * The public face of `models/`: pure, deterministic math (no I/O, no clock, no unseeded
 * randomness). The server and the CLI import from here, never from deeper paths.
 */
export * from './core/money.ts';
export * from './core/period.ts';
export * from './core/rational.ts';
export * from './warning/index.ts';
export * from './forecast/index.ts';
export * from './projection/index.ts';
export * from './stochastic/index.ts';
export * from './budget/index.ts';
