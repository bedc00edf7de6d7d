/**
 * The aggregation methods, by the key an indicator set names them with. Every method skips a missing
 * child and renormalises the weights over the children present; see each file and `docs/methods.md`.
 */
import type { AggregateMethod } from '../types';
import { arithmetic } from './arithmetic';
import { copeland } from './copeland';
import { generalised } from './generalised';
import { geometric } from './geometric';
import { harmonic } from './harmonic';
import { median } from './median';
import { sum } from './sum';

export const aggregators = {
  arithmetic,
  geometric,
  harmonic,
  generalised,
  median,
  copeland,
  sum,
  // biome-ignore lint/suspicious/noExplicitAny: each method has its own parameter type
} satisfies Record<string, AggregateMethod<any>>;

export type AggregateKey = keyof typeof aggregators;
