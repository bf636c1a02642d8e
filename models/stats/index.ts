export { quantileSorted } from './quantile-sorted.ts';
export { quantiles } from './quantiles.ts';
export { scanColumn, type ColumnScan } from './scan-column.ts';
export { rank } from './rank.ts';
export { pearson } from './pearson.ts';
export { spearman } from './spearman.ts';
export { meanAndStandardError, type MeanAndStandardError } from './mean-and-standard-error.ts';
export { histogram, type Histogram } from './histogram.ts';
export { linearRegression, type LinearRegression } from './linear-regression.ts';
