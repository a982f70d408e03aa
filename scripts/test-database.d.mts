export function serverUrl(): string;
export function testDatabaseName(name: string): string;
export function testDatabaseUrl(name: string): string;
export function recreateDatabase(name: string): Promise<string>;
export function checkServer(): Promise<void>;
export function dropDatabase(baseName: string): Promise<void>;
