export declare function importsOf(source: string): string[];
export declare function importGraph(root: string, folders: readonly string[]): Map<string, string[]>;
export declare function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][];
