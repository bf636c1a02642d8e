/** Types of fresh-bundle.js (plain JavaScript so the bin and `npm start` need no TypeScript loader). */
export declare function newestModification(directory: string): number;
export declare function freshBundle(name: string): string;
