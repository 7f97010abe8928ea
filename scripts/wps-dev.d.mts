// Types of scripts/wps-dev.mjs (plain JavaScript so that `npm start` runs it with node alone).
export declare const DEV_ADDIN_NAME: string;
export declare function wpsJsaddonsDir(options?: {
  platform?: string;
  env?: Record<string, string | undefined>;
  home?: string;
  exists?: (path: string) => boolean;
}): string | null;
export declare function withDevEntry(publishXml: string | null | undefined, url: string): string;
export declare function withoutDevEntry(publishXml: string | null | undefined): string;
