import type { DistributionSpec } from '../../../models/distributions/spec.ts';

/**
 * A distribution spec written out plainly, for readers who do not know the schema.
 *
 * @example
 * describeDistribution({ type: 'lognormal', p5: 150000, p95: 250000 }) // 'lognormal 90% CI 150,000 to 250,000'
 * describeDistribution({ type: 'pert', min: 1, mode: 2, max: 4 }) // 'PERT min 1, most likely 2, max 4'
 */
export function describeDistribution(spec: DistributionSpec, locale = 'en-GB'): string {
  const n = numberFormatter(locale);
  const percent = (p: number): string => `${n(Math.round(p * 1000) / 10)}%`;
  let text: string;
  switch (spec.type) {
    case 'fixed':
      text = `fixed at ${n(spec.value)}`;
      break;
    case 'uniform':
      text = `uniform ${n(spec.min)} to ${n(spec.max)} (every value equally likely)`;
      break;
    case 'normal':
    case 'lognormal':
      text = 'p5' in spec ? `${spec.type} 90% CI ${n(spec.p5)} to ${n(spec.p95)}` : `${spec.type} mean ${n(spec.mean)}, sd ${n(spec.sd)}`;
      break;
    case 'triangular':
      text = `triangular min ${n(spec.min)}, most likely ${n(spec.mode)}, max ${n(spec.max)}`;
      break;
    case 'pert':
      text = `PERT min ${n(spec.min)}, most likely ${n(spec.mode)}, max ${n(spec.max)}${spec.lambda !== undefined && spec.lambda !== 4 ? `, lambda ${n(spec.lambda)}` : ''}`;
      break;
    case 'beta': {
      const scaled = spec.min !== undefined || spec.max !== undefined;
      text = `beta alpha ${n(spec.alpha)}, beta ${n(spec.beta)}${scaled ? ` on ${n(spec.min ?? 0)} to ${n(spec.max ?? 1)}` : ''}`;
      break;
    }
    case 'bernoulli':
      text = `yes/no event: ${n(spec.value ?? 1)} with probability ${percent(spec.p)}, else 0`;
      break;
    case 'discrete': {
      const total = spec.weights.reduce((a, b) => a + b, 0);
      text = `one of ${spec.values.map((value, i) => `${n(value)} (${percent(total > 0 ? spec.weights[i] / total : 0)})`).join(', ')}`;
      break;
    }
  }
  const { min, max } = spec.truncate ?? {};
  if (min !== undefined && max !== undefined) text += `, truncated to ${n(min)} to ${n(max)}`;
  else if (min !== undefined) text += `, truncated at no less than ${n(min)}`;
  else if (max !== undefined) text += `, truncated at no more than ${n(max)}`;
  return text;
}

/**
 * A locale Intl accepts: the case's own, else en-GB.
 *
 * @example
 * usableLocale('xx-invalid-') // 'en-GB'
 */
export function usableLocale(locale: string | undefined): string {
  try {
    return new Intl.NumberFormat(locale ?? 'en-GB').resolvedOptions().locale;
  } catch {
    return 'en-GB';
  }
}

export function numberFormatter(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(usableLocale(locale), { maximumFractionDigits: 10 });
  return (value) => format.format(value);
}
