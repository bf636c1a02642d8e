/**
 * The example cases shipped in fixtures/, bundled so "New case from example" works
 * offline. Loaded lazily: each is fetched only when chosen.
 */
const modules = import.meta.glob<unknown>('../../../fixtures/*.json', { import: 'default' });

export interface ExampleCase {
  file: string;
  load: () => Promise<unknown>;
}

/** Example cases by file name (every file in fixtures/ is a case; the JSON Schema lives in schema/). */
export const EXAMPLE_CASES: ExampleCase[] = Object.entries(modules)
  .map(([path, load]) => ({ file: path.split('/').pop()!, load }))
  .sort((a, b) => a.file.localeCompare(b.file));

/**
 * A readable title from a fixture file name.
 *
 * @example
 * exampleTitle('contact-center-assistant.json') // 'Contact center assistant'
 */
export function exampleTitle(file: string): string {
  const words = file
    .replace(/\.json$/, '')
    .split('-')
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
